using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Aim.Cli;

/// <summary>
/// Turns a command line that does not parse into the one line every other input error gets. System.CommandLine's own
/// report prints the whole help text and names CLR types (<c>System.Nullable`1[System.Int32]</c>), which says nothing
/// to someone who typed <c>--steps 99999999999999</c>.
/// </summary>
internal static class ParseErrorLine
{
    /// <summary>The first error of <paramref name="parse"/> as one line: the option, the value and what was expected.</summary>
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string command = CommandPath(parse.CommandResult);
        string help = $"see '{command} --help'.";
        if (parse.UnmatchedTokens.Count > 0)
        {
            return $"{command} does not take '{parse.UnmatchedTokens[0]}'; {help}";
        }

        ParseError error = parse.Errors[0];
        OptionResult? option = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
        if (option is not null && error.SymbolResult!.Tokens.Count == 1 && Expected(option.Option.ValueType) is string expected)
        {
            // The only way a single value of a typed option fails to parse here: it is not of that type or out of its range.
            return $"{option.Option.Name} takes {expected}, got '{error.SymbolResult.Tokens[0].Value}'.";
        }

        return $"{error.Message.TrimEnd('.')}; {help}";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = r.Parent)
        {
            names.Add(c.Command is RootCommand ? "aim" : c.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string? Expected(Type type)
    {
        Type value = Nullable.GetUnderlyingType(type) ?? type;
        if (value == typeof(int))
        {
            return string.Create(CultureInfo.InvariantCulture, $"a whole number from {int.MinValue} to {int.MaxValue}");
        }

        if (value == typeof(double))
        {
            return "a number";
        }

        if (value == typeof(bool))
        {
            return "true or false";
        }

        return null;
    }
}
