using Aim.Core.Random;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Bc;
using Aim.Learning.Algorithms.EnsembleDagger;
using Aim.Learning.Algorithms.HgDagger;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Experiments.Catalog;

/// <summary>The methods an experiment can run, by name, each with its options record and overrides.</summary>
public static class MethodCatalog
{
    private static readonly Dictionary<string, MethodEntry> s_methods = new(StringComparer.Ordinal)
    {
        ["aim"] = Entry(() => new AimOptions(), (o, obs, act, rng) => new AimMethod(obs, act, o, rng)),
        ["thrifty"] = Entry(() => new ThriftyOptions(), (o, obs, act, rng) => new ThriftyMethod(obs, act, o, rng)),
        ["thrifty-nocritic"] = Entry(() => ThriftyOptions.AimCodeVariant, (o, obs, act, rng) => new ThriftyMethod(obs, act, o, rng)),
        ["ensemble-dagger"] = Entry(() => new EnsembleDaggerOptions(), (o, obs, act, rng) => new EnsembleDaggerMethod(obs, act, o, rng)),
        ["hg-dagger"] = Entry(() => new HgDaggerOptions(), (o, obs, act, rng) => new HgDaggerMethod(obs, act, o, rng)),
        ["pvp"] = Entry(() => new PvpOptions(), (o, obs, act, rng) => new PvpMethod(obs, act, o, rng)),
        ["bc"] = Entry(() => new BcMethodOptions(), (o, obs, act, rng) => new BcMethod(obs, act, o, rng)),
    };

    /// <summary>Every known method name.</summary>
    public static IReadOnlyList<string> Names => s_methods.Keys.ToArray();

    /// <summary>Throws <see cref="ArgumentException"/> listing the known methods when <paramref name="name"/> is not one.</summary>
    public static void EnsureKnown(string name)
    {
        if (!s_methods.ContainsKey(name))
        {
            throw new ArgumentException($"Unknown method '{name}'. Known methods: {string.Join(", ", Names)}.", nameof(name));
        }
    }

    /// <summary>The default options of <paramref name="method"/> with <paramref name="overrides"/> applied.</summary>
    /// <exception cref="ArgumentException">Unknown method or option key, or a value that does not parse.</exception>
    public static object Options(string method, IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        EnsureKnown(method);
        MethodEntry entry = s_methods[method];
        object options = entry.Defaults();
        foreach ((string key, string value) in overrides ?? Array.Empty<KeyValuePair<string, string>>())
        {
            options = entry.Apply(options, key, value);
        }

        return options;
    }

    /// <summary>The option keys <paramref name="method"/> accepts.</summary>
    public static IReadOnlyList<string> OptionKeys(string method)
    {
        EnsureKnown(method);
        return s_methods[method].Keys(null);
    }

    /// <summary>Builds <paramref name="method"/> with <paramref name="options"/> (from <see cref="Options"/>).</summary>
    public static IMethod Create(string method, object options, ObservationSpec observation, ActionSpec action, Rng rng)
    {
        EnsureKnown(method);
        MethodEntry entry = s_methods[method];
        if (!entry.OptionsType.IsInstanceOfType(options))
        {
            throw new ArgumentException($"Method '{method}' takes {entry.OptionsType.Name}, not {options.GetType().Name}.", nameof(options));
        }

        return entry.Create(options, observation, action, rng);
    }

    private static MethodEntry Entry<TOptions>(Func<TOptions> defaults, Func<TOptions, ObservationSpec, ActionSpec, Rng, IMethod> create)
        where TOptions : class =>
        new(
            typeof(TOptions),
            defaults,
            (o, obs, act, rng) => create((TOptions)o, obs, act, rng),
            _ => OptionsBinder.Keys<TOptions>(),
            (o, k, v) => OptionsBinder.Apply((TOptions)o, k, v));

    private sealed record MethodEntry(
        Type OptionsType,
        Func<object> Defaults,
        Func<object, ObservationSpec, ActionSpec, Rng, IMethod> Create,
        Func<object?, IReadOnlyList<string>> Keys,
        Func<object, string, string, object> Apply);
}
