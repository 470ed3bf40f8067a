using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>
/// MiniGrid's LavaCrossingS{size}N{n}-v0: n lava rivers (vertical and horizontal lines at even coordinates) with one
/// opening each along a monotone path from the agent at (1, 1) to the goal in the far corner.
/// </summary>
internal sealed class LavaCrossingGenerator : GridGenerator
{
    private readonly int _crossings;

    public LavaCrossingGenerator(string name, int size, int crossings)
        : base(name, size, size, 4 * size * size, seeThroughWalls: false)
    {
        if (size % 2 == 0 || crossings < 1 || crossings > size - 3)
        {
            throw new ArgumentOutOfRangeException(nameof(crossings), crossings, $"LavaCrossing needs an odd size and 1..{size - 3} crossings (size {size}).");
        }

        _crossings = crossings;
    }

    public override void Generate(GridEnv grid, Rng rng)
    {
        int s = Width;
        grid.WallRect(0, 0, s, s);
        grid.PutAgent(1, 1, 0);
        grid.PutObject(s - 2, s - 2, GridCell.Goal);

        // Candidates: vertical rivers (x = 2, 4, …) first, then horizontal ones (y = 2, 4, …); +x / −y encodes the kind.
        int half = (s - 3) / 2;
        Span<int> rivers = stackalloc int[2 * half];
        for (int i = 0; i < half; i++)
        {
            rivers[i] = 2 + (2 * i);
            rivers[half + i] = -(2 + (2 * i));
        }

        rng.Shuffle(rivers);
        var xs = new List<int>();
        var ys = new List<int>();
        foreach (int r in rivers[.._crossings])
        {
            (r > 0 ? xs : ys).Add(Math.Abs(r));
        }

        xs.Sort();
        ys.Sort();
        foreach (int y in ys)
        {
            grid.HorizontalLine(1, y, s - 2, GridCell.Lava);
        }

        foreach (int x in xs)
        {
            grid.VerticalLine(x, 1, s - 2, GridCell.Lava);
        }

        // One move per river, shuffled: true crosses a vertical river (eastwards), false a horizontal one (southwards).
        Span<bool> path = stackalloc bool[_crossings];
        for (int i = 0; i < _crossings; i++)
        {
            path[i] = i < xs.Count;
        }

        rng.Shuffle(path);
        xs.Insert(0, 0);
        xs.Add(s - 1);
        ys.Insert(0, 0);
        ys.Add(s - 1);
        int bandX = 0;
        int bandY = 0;
        foreach (bool crossVertical in path)
        {
            if (crossVertical)
            {
                grid.PutObject(xs[bandX + 1], rng.NextInt(ys[bandY] + 1, ys[bandY + 1]), GridCell.Empty);
                bandX++;
            }
            else
            {
                grid.PutObject(rng.NextInt(xs[bandX] + 1, xs[bandX + 1]), ys[bandY + 1], GridCell.Empty);
                bandY++;
            }
        }
    }
}
