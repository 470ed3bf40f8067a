using Aim.Experiments.Catalog;
using Aim.Experiments.Running;
using Aim.Experiments.Sweeps;
using Aim.Learning.Algorithms.Aim;

namespace Aim.Tests.Experiments;

public class OptionValueTests
{
    [Theory]
    [InlineData("0,5")]
    [InlineData("1,000")]
    public void DecimalCommaIsRefusedNotReadAsThousands(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => OptionsBinder.Apply(new AimOptions(), "td_weight", value));
        Assert.Contains($"Option 'td_weight': '{value}' is not a Double", ex.Message);
        Assert.Contains("decimal point", ex.Message);
    }

    [Fact]
    public void IntegerWithThousandsSeparatorIsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => OptionsBinder.Apply(new AimOptions(), "q_batch_size", "1,024"));
        Assert.Contains("Option 'q_batch_size': '1,024' is not a Int32", ex.Message);
    }

    [Theory]
    [InlineData("td_weight", "NaN")]
    [InlineData("q_learning_rate", "Infinity")]
    [InlineData("gradient_clip", "-Infinity")]
    [InlineData("policy.learning_rate", "nan")]
    public void NonFiniteNumbersAreRefusedNamingTheOption(string key, string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSettings.Build("empty-6x6", "aim", 0, [new(key, value)]));
        Assert.Contains($"Option '{key}': '{value}' is not a finite number", ex.Message);
    }

    [Theory]
    [InlineData("aim", "gradient_clip", "-1", "must be positive")]
    [InlineData("aim", "delta", "1.5", "(0, 1)")]
    [InlineData("aim", "policy.learning_rate", "-0.1", "must be positive")]
    [InlineData("aim", "proxy_value.batch_size", "1", "proxy_value.batch_size")]
    [InlineData("pvp", "proxy_value.gradient_clip", "-1", "must be positive")]
    [InlineData("thrifty", "initial_risk_threshold", "-0.5", "[0, 1]")]
    public void OutOfRangeValuesAreRefusedWhenTheSpecIsBuilt(string method, string key, string value, string range)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RunSettings.Build("empty-6x6", method, 0, [new(key, value)]));
        Assert.Equal(key, ex.ParamName);
        Assert.Contains($"Option '{key}'", ex.Message);
        Assert.Contains($"{value} is out of range", ex.Message);
        Assert.Contains(range, ex.Message);
    }

    [Fact]
    public void AnOutOfRangeHarnessValueIsNamed()
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSettings.Build("empty-6x6", "aim", 0, [new("total_env_steps", "0")]));
        Assert.StartsWith("Option 'total_env_steps' of the harness: 0 is out of range: ", ex.Message);
    }

    [Fact]
    public void SweepPlanRefusesAnOutOfRangeGridValueUpFront()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SweepPlan.From(SweepConfig.Parse("""
            { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1, "grid": { "delta": [0.1, 1.5] } }
            """)));
        Assert.Contains("Option 'delta' of method 'aim': 1.5 is out of range: δ must lie in (0, 1).", ex.Message);
    }
}
