using System.Runtime.CompilerServices;

// The geometry, map and sensor internals are tested directly against hand-placed scenes and benchmarked in isolation.
[assembly: InternalsVisibleTo("Aim.Tests")]
[assembly: InternalsVisibleTo("Aim.Benchmarks")]
