using System.Globalization;
using System.Reflection;

namespace Aim.Experiments.Catalog;

/// <summary>
/// Runs an options record's <c>Validate()</c> (and those of the records nested in it) and reports a value out of range
/// as the setting key a user types (<c>policy.learning_rate</c>), the value and the allowed range.
/// </summary>
public static class OptionsValidation
{
    /// <summary>Validates <paramref name="options"/>, nested records first so a failure names the full dotted key.</summary>
    /// <param name="options">An options record with a parameterless <c>Validate()</c> method.</param>
    /// <param name="owner">Whose options they are, for the message (for example "method 'aim'").</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A value is out of range; <see cref="ArgumentException.ParamName"/> is the setting key and the message names it, the
    /// value and the allowed range.
    /// </exception>
    public static void Validate(object options, string owner)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        Validate(options, owner, prefix: string.Empty);
    }

    private static void Validate(object options, string owner, string prefix)
    {
        foreach (PropertyInfo property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && property.GetIndexParameters().Length == 0 && HasValidate(property.PropertyType)
                && property.GetValue(options) is object inner)
            {
                Validate(inner, owner, prefix + OptionsBinder.Normalize(property.Name) + ".");
            }
        }

        MethodInfo? validate = options.GetType().GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        try
        {
            validate?.Invoke(options, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentOutOfRangeException range)
        {
            string key = prefix + OptionsBinder.Normalize(range.ParamName ?? "?");
            string value = range.ActualValue is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : range.ActualValue?.ToString() ?? "?";
            // Still an ArgumentOutOfRangeException (what the options' own Validate throws), now named by the setting key.
            throw new ArgumentOutOfRangeException(key, range.ActualValue, $"Option '{key}' of {owner}: {value} is out of range: {Reason(range)}");
        }
    }

    private static bool HasValidate(Type type) =>
        type.IsClass && type != typeof(string) && type.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null;

    private static string Reason(ArgumentOutOfRangeException e)
    {
        // The message ends with " (Parameter 'X')" and "Actual value was …", which name code, not the setting.
        string message = e.Message;
        int parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (parameter >= 0 ? message[..parameter] : message).Trim();
    }
}
