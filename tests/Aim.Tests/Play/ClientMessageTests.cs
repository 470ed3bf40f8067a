using Aim.Play.Protocol;

namespace Aim.Tests.Play;

public sealed class ClientMessageTests
{
    [Theory]
    [InlineData("{\"type\":\"act\",\"action\":\"forward\"}", "Act", 2)]
    [InlineData("{\"type\":\"act\",\"action\":\"left\"}", "Act", 0)]
    [InlineData("{\"type\":\"act\",\"action\":\"done\"}", "Act", 6)]
    [InlineData("{\"type\":\"pause\"}", "Pause", 0)]
    [InlineData("{\"type\":\"resume\"}", "Resume", 0)]
    [InlineData("{\"type\":\"takeover\"}", "Takeover", 0)]
    [InlineData("{\"type\":\"stop\"}", "Stop", 0)]
    public void AllowedMessagesParse(string text, string kind, int action)
    {
        ClientMessage message = ClientMessage.Parse(text);
        Assert.Equal(kind, message.Kind.ToString());
        Assert.Equal(action, message.Action);
    }

    [Fact]
    public void KeysAndSpeedCarryTheirValues()
    {
        ClientMessage keys = ClientMessage.Parse("{\"type\":\"keys\",\"steer\":-1,\"throttle\":1}");
        Assert.Equal((-1, 1), (keys.Steer, keys.Throttle));
        Assert.Equal(750, ClientMessage.Parse("{\"type\":\"speed\",\"delayMs\":750}").DelayMs);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "expected an object")]
    [InlineData("{\"action\":\"left\"}", "no string 'type'")]
    [InlineData("{\"type\":\"open\",\"path\":\"/etc/passwd\"}", "Unknown message type 'open'")]
    [InlineData("{\"type\":\"act\",\"action\":\"jump\"}", "Unknown action 'jump'")]
    [InlineData("{\"type\":\"act\",\"action\":2}", "needs a string 'action'")]
    [InlineData("{\"type\":\"act\",\"action\":\"left\",\"set\":\"delta=1\"}", "unexpected field 'set'")]
    [InlineData("{\"type\":\"pause\",\"file\":\"x\"}", "unexpected field 'file'")]
    [InlineData("{\"type\":\"keys\",\"steer\":2,\"throttle\":0}", "steer 2 is out of range")]
    [InlineData("{\"type\":\"keys\",\"steer\":0.5,\"throttle\":0}", "needs an integer 'steer'")]
    [InlineData("{\"type\":\"speed\",\"delayMs\":-5}", "delayMs -5 is out of range")]
    [InlineData("{\"type\":\"speed\",\"delayMs\":999999}", "out of range")]
    public void BadMessagesAreRefusedSayingWhatWasExpected(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ClientMessage.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
