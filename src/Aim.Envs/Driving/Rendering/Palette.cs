namespace Aim.Envs.Driving.Rendering;

/// <summary>Colours of the top-down frames.</summary>
internal static class Palette
{
    public static readonly (byte R, byte G, byte B) Grass = (76, 120, 70);
    public static readonly (byte R, byte G, byte B) Asphalt = (70, 70, 74);
    public static readonly (byte R, byte G, byte B) Sidewalk = (170, 170, 160);
    public static readonly (byte R, byte G, byte B) CentreLine = (240, 200, 40);
    public static readonly (byte R, byte G, byte B) LaneLine = (235, 235, 235);
    public static readonly (byte R, byte G, byte B) Destination = (40, 200, 90);
    public static readonly (byte R, byte G, byte B) Lidar = (120, 210, 250);
    public static readonly (byte R, byte G, byte B) Ego = (225, 35, 35);
    public static readonly (byte R, byte G, byte B) EgoFront = (255, 170, 170);

    public static (byte R, byte G, byte B) Of(ObstacleKind kind) => kind switch
    {
        ObstacleKind.Cone => (255, 140, 0),
        ObstacleKind.WarningTriangle => (255, 230, 0),
        ObstacleKind.Barrier => (250, 250, 250),
        ObstacleKind.BrokenDownVehicle => (175, 70, 210),
        _ => (50, 120, 240),
    };
}
