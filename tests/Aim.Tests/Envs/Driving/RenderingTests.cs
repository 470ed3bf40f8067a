using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;

namespace Aim.Tests.Envs.Driving;

public class RenderingTests
{
    // Set to a folder to write the documentation images there (e.g. docs/images).
    private const string ImageFolderVariable = "AIM_DRIVING_IMAGES";

    [Fact]
    public void EgoViewShowsTheEgoAtTheCentreOnAsphalt()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        env.Reset(0);
        RgbFrame frame = env.Render();
        Assert.Equal(400, frame.Width);
        Assert.Equal(400, frame.Height);
        // The toy map starts heading east at 5 px/m: 0.9 m behind the centre is the ego's body (its front is lighter),
        // 1 m ahead of its bumper is the lane's asphalt.
        Assert.Equal((225, 35, 35), Pixel(frame, 195, 200));
        Assert.Equal((70, 70, 74), Pixel(frame, 216, 200));
    }

    [Fact]
    public void MapViewHoldsTheWholeRoadAndEncodesAsPng()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        env.Reset(0);
        RgbFrame frame = env.RenderMap(300);
        int road = 0;
        for (int i = 0; i < frame.Pixels.Length; i += 3)
        {
            road += frame.Pixels[i] == 70 && frame.Pixels[i + 1] == 70 ? 1 : 0;
        }

        Assert.InRange(road, 300 * 300 / 50, 300 * 300 / 2);
        byte[] png = PngWriter.Encode(frame);
        Assert.Equal(0x89, png[0]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
    }

    [Fact]
    public void SketchOutlinesTheScene()
    {
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Single(1000) });
        env.Reset(0);
        DrivingSketch sketch = env.Sketch();
        Assert.Equal(2, sketch.RoadEdges.Count);
        Assert.Equal(2, sketch.LaneLines.Count);
        Assert.Equal(env.Map!.HazardCount, sketch.Hazards.Count);
        Assert.Equal(env.Map.TrafficCount, sketch.Vehicles.Count);
        Assert.Equal(5, sketch.Ego.Length);
        Assert.Equal(sketch.Ego[0], sketch.Ego[^1]);
    }

    [Fact]
    public void WritesDocumentationImagesWhenAsked()
    {
        string? folder = Environment.GetEnvironmentVariable(ImageFolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        var toy = new DrivingEnv(DrivingEnvOptions.Toy);
        toy.Reset(0);
        PngWriter.Save(toy.RenderMap(800), Path.Combine(folder, "driving-toy-map.png"));

        // A test map with the expert part-way along, so traffic has started moving.
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Test });
        var expert = new DrivingExpert(env, new Rng(0));
        float[] obs = env.ResetToMap(1000).Observation;
        PngWriter.Save(env.RenderMap(800), Path.Combine(folder, "driving-test-map-1000.png"));
        for (int t = 0; t < 120; t++)
        {
            obs = env.Step(expert.Act(obs)).Observation;
        }

        PngWriter.Save(env.Render(), Path.Combine(folder, "driving-ego-view.png"));
    }

    private static (byte, byte, byte) Pixel(RgbFrame frame, int x, int y)
    {
        int i = ((y * frame.Width) + x) * 3;
        return (frame.Pixels[i], frame.Pixels[i + 1], frame.Pixels[i + 2]);
    }
}
