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

/// <summary>
/// The methods an experiment can run, by name, each with its options record: its defaults, its driving preset (beside
/// the algorithm, e.g. <see cref="AimOptions.Driving"/>) and the <c>key=value</c> overrides it accepts.
/// </summary>
public static class MethodCatalog
{
    private static readonly Dictionary<string, MethodEntry> s_methods = new(StringComparer.Ordinal)
    {
        ["aim"] = Entry(() => new AimOptions(), () => AimOptions.Driving, (o, obs, act, rng) => new AimMethod(obs, act, o, rng)),
        ["thrifty"] = Entry(() => new ThriftyOptions(), () => ThriftyOptions.Driving, (o, obs, act, rng) => new ThriftyMethod(obs, act, o, rng)),
        ["thrifty-nocritic"] = Entry(() => ThriftyOptions.AimCodeVariant, () => ThriftyOptions.AimCodeVariantDriving, (o, obs, act, rng) => new ThriftyMethod(obs, act, o, rng)),
        ["ensemble-dagger"] = Entry(() => new EnsembleDaggerOptions(), () => EnsembleDaggerOptions.Driving, (o, obs, act, rng) => new EnsembleDaggerMethod(obs, act, o, rng)),
        ["hg-dagger"] = Entry(() => new HgDaggerOptions(), () => HgDaggerOptions.Driving, (o, obs, act, rng) => new HgDaggerMethod(obs, act, o, rng)),
        ["pvp"] = Entry(() => new PvpOptions(), () => PvpOptions.Driving, (o, obs, act, rng) => new PvpMethod(obs, act, o, rng)),
        ["bc"] = Entry(() => new BcMethodOptions(), () => BcMethodOptions.Driving, (o, obs, act, rng) => new BcMethod(obs, act, o, rng)),
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

    /// <summary>The options record <paramref name="method"/> runs with when nothing is set (for example <see cref="AimOptions"/>'s defaults).</summary>
    /// <exception cref="ArgumentException">Unknown method.</exception>
    public static object Defaults(string method) => Find(method).Defaults();

    /// <summary>
    /// The options record <paramref name="method"/> starts from on the driving tasks, before any override (for example
    /// <see cref="AimOptions.Driving"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown method.</exception>
    public static object DrivingPreset(string method) => Find(method).Driving();

    /// <summary>
    /// A copy of <paramref name="options"/> (an options record of <paramref name="method"/>) with
    /// <paramref name="overrides"/> parsed and applied in order; <paramref name="options"/> itself is not changed.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Unknown method, options of another method, an unknown key (the message lists the valid ones) or a value that
    /// does not parse.
    /// </exception>
    public static object Apply(string method, object options, IEnumerable<KeyValuePair<string, string>>? overrides)
    {
        MethodEntry entry = Checked(method, options);
        foreach ((string key, string value) in overrides ?? Array.Empty<KeyValuePair<string, string>>())
        {
            options = entry.Apply(options, key, value);
        }

        return options;
    }

    /// <summary>The option keys <paramref name="method"/> accepts.</summary>
    public static IReadOnlyList<string> OptionKeys(string method) => Find(method).Keys();

    /// <summary>Builds <paramref name="method"/> with <paramref name="options"/>, its options record.</summary>
    /// <exception cref="ArgumentException">Unknown method, or options of another method.</exception>
    public static IMethod Create(string method, object options, ObservationSpec observation, ActionSpec action, Rng rng) =>
        Checked(method, options).Create(options, observation, action, rng);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="options"/> is <paramref name="method"/>'s options record.</summary>
    public static void EnsureOptions(string method, object options) => Checked(method, options);

    private static MethodEntry Find(string method)
    {
        EnsureKnown(method);
        return s_methods[method];
    }

    private static MethodEntry Checked(string method, object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MethodEntry entry = Find(method);
        if (!entry.OptionsType.IsInstanceOfType(options))
        {
            throw new ArgumentException($"Method '{method}' takes {entry.OptionsType.Name}, not {options.GetType().Name}.", nameof(options));
        }

        return entry;
    }

    private static MethodEntry Entry<TOptions>(
        Func<TOptions> defaults,
        Func<TOptions> driving,
        Func<TOptions, ObservationSpec, ActionSpec, Rng, IMethod> create)
        where TOptions : class =>
        new(
            typeof(TOptions),
            defaults,
            driving,
            (o, obs, act, rng) => create((TOptions)o, obs, act, rng),
            OptionsBinder.Keys<TOptions>,
            (o, k, v) => OptionsBinder.Apply((TOptions)o, k, v));

    private sealed record MethodEntry(
        Type OptionsType,
        Func<object> Defaults,
        Func<object> Driving,
        Func<object, ObservationSpec, ActionSpec, Rng, IMethod> Create,
        Func<IReadOnlyList<string>> Keys,
        Func<object, string, string, object> Apply);
}
