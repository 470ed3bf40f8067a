using System.Globalization;
using Aim.Envs.Driving;

namespace Aim.Play.Session;

/// <summary>The driving scene: a top-down view that follows the car (60 m across), with its lidar.</summary>
internal sealed class DrivingWorld : IPlayWorld
{
    private readonly DrivingEnv _env;

    public DrivingWorld(DrivingEnv env) => _env = env;

    public bool IsDriving => true;

    public string RenderScene() => DataUrl.Png(_env.Render(480, 8, drawLidar: true));

    public string? RenderView() => null;

    public string ActionName(ReadOnlySpan<float> action)
    {
        float steer = action[0];
        float throttle = action[1];
        string side = steer > 0 ? "left" : steer < 0 ? "right" : "straight";
        string pedal = throttle >= 0 ? "throttle" : "brake";
        return string.Create(CultureInfo.InvariantCulture, $"steer {Math.Abs(steer):0.00} {side}, {pedal} {Math.Abs(throttle):0.00}");
    }
}
