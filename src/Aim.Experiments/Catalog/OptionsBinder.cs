using System.Globalization;
using System.Reflection;

namespace Aim.Experiments.Catalog;

/// <summary>
/// Applies <c>key=value</c> overrides to options records (the CLI's <c>--set</c>, sweep grids). Keys match property
/// names case-insensitively with or without underscores (<c>td_weight</c> = <c>TdWeight</c>); nested records are
/// reached with dots (<c>policy.learning_rate</c>). Records are copied, never mutated.
/// </summary>
public static class OptionsBinder
{
    /// <summary>Every settable key of <typeparamref name="T"/>, nested ones dotted, in snake_case.</summary>
    public static IReadOnlyList<string> Keys<T>() => KeysOf(typeof(T), prefix: string.Empty).ToArray();

    /// <summary>True when <paramref name="key"/> names a settable option of <typeparamref name="T"/>.</summary>
    public static bool HasKey<T>(string key) => Keys<T>().Contains(Normalize(key), StringComparer.Ordinal);

    /// <summary>A copy of <paramref name="options"/> with <paramref name="key"/> set to the parsed <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">Unknown key (the message lists the valid ones) or a value that does not parse.</exception>
    public static T Apply<T>(T options, string key, string value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        string[] path = Normalize(key).Split('.');
        return (T)ApplyPath(options, path, 0, value, key, typeof(T));
    }

    /// <summary>Applies every override in order.</summary>
    public static T ApplyAll<T>(T options, IEnumerable<KeyValuePair<string, string>> overrides)
        where T : class
    {
        foreach ((string key, string value) in overrides)
        {
            options = Apply(options, key, value);
        }

        return options;
    }

    /// <summary>snake_case form of a key or property name.</summary>
    public static string Normalize(string key) => string.Join('.', key.Split('.').Select(ToSnake));

    private static object ApplyPath(object target, string[] path, int depth, string value, string originalKey, Type rootType)
    {
        PropertyInfo? property = Settable(target.GetType()).FirstOrDefault(p => ToSnake(p.Name) == path[depth]);
        if (property is null)
        {
            throw new ArgumentException(
                $"Unknown option '{originalKey}'. Valid options: {string.Join(", ", KeysOf(rootType, string.Empty))}.", nameof(originalKey));
        }

        object copy = Clone(target);
        object? newValue;
        if (depth < path.Length - 1)
        {
            object inner = property.GetValue(target) ?? throw new ArgumentException($"Option '{originalKey}': '{property.Name}' is not set, so it has no sub-options.");
            newValue = ApplyPath(inner, path, depth + 1, value, originalKey, rootType);
        }
        else
        {
            newValue = Parse(property.PropertyType, value, originalKey);
        }

        property.SetValue(copy, newValue);
        return copy;
    }

    private static object? Parse(Type type, string value, string key)
    {
        Type? nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            if (value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.Length == 0)
            {
                return null;
            }

            type = nullable;
        }

        if (IsFloating(type))
        {
            return ParseFloating(type, value, key);
        }

        try
        {
            if (type.IsEnum)
            {
                return Enum.Parse(type, value.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
            }

            if (type == typeof(bool))
            {
                return bool.Parse(value);
            }

            if (type == typeof(string))
            {
                return value;
            }

            if (type.IsPrimitive && type != typeof(char))
            {
                // NumberStyles.Integer: no thousands separators, so "1,000" is refused instead of read as 1000.
                long whole = long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
                return Convert.ChangeType(whole, type, CultureInfo.InvariantCulture);
            }

            return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or InvalidCastException)
        {
            string expected = type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type)) : "a " + type.Name;
            throw new ArgumentException($"Option '{key}': '{value}' is not {expected}.", nameof(value), e);
        }
    }

    private static bool IsFloating(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    private static object ParseFloating(Type type, string value, string key)
    {
        // NumberStyles.Float has no AllowThousands: with it (Convert.ChangeType's default) "0,5" silently became 5.
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            throw new ArgumentException(
                $"Option '{key}': '{value}' is not a {type.Name} (a number with a decimal point, for example 0.5, and no thousands separators).",
                nameof(value));
        }

        // No option gives NaN or ±∞ a meaning; they only surface later as NaN losses that do not name the option.
        if (!double.IsFinite(number))
        {
            throw new ArgumentException($"Option '{key}': '{value}' is not a finite number.", nameof(value));
        }

        if (type == typeof(double))
        {
            return number;
        }

        if (type == typeof(float))
        {
            return float.IsFinite((float)number)
                ? (float)number
                : throw new ArgumentException($"Option '{key}': '{value}' is out of the range of a Single.", nameof(value));
        }

        return decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (PropertyInfo p in Settable(type))
        {
            string name = prefix + ToSnake(p.Name);
            if (IsRecord(p.PropertyType))
            {
                foreach (string inner in KeysOf(p.PropertyType, name + "."))
                {
                    yield return inner;
                }
            }
            else if (IsLeaf(p.PropertyType))
            {
                yield return name;
            }
        }
    }

    private static bool IsLeaf(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal);
    }

    private static bool IsRecord(Type type) => type.IsClass && type.GetMethod("<Clone>$") is not null;

    private static object Clone(object value) =>
        value.GetType().GetMethod("<Clone>$")?.Invoke(value, null)
        ?? throw new InvalidOperationException($"{value.GetType().Name} is not a record.");

    private static string ToSnake(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    chars.Add('_');
                }

                chars.Add(char.ToLowerInvariant(c));
            }
            else
            {
                chars.Add(c == '-' ? '_' : c);
            }
        }

        return new string(chars.ToArray());
    }
}
