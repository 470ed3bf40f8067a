using System.Net.WebSockets;
using System.Text;
using Aim.Play.Protocol;

namespace Aim.Play.Server;

/// <summary>
/// One tab's WebSocket: sends the hub's messages in order, and receives the tab's messages, checks them
/// (<see cref="ClientMessage.Parse"/>) and applies those of the controlling tab. A bad message is answered with an
/// error and the session goes on.
/// </summary>
internal sealed class PlayConnectionLoop
{
    private readonly WebSocket _socket;
    private readonly PlaySession _session;

    public PlayConnectionLoop(WebSocket socket, PlaySession session)
    {
        _socket = socket;
        _session = session;
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        PlayConnection connection = _session.Hub.Join(_session.Hello);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        Task sending = SendAsync(connection, done.Token);
        try
        {
            await ReceiveAsync(connection, done.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The tab went away.
        }
        finally
        {
            _session.Hub.Leave(connection);
            await done.CancelAsync();
            try
            {
                await sending;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
    }

    private async Task SendAsync(PlayConnection connection, CancellationToken cancellation)
    {
        await foreach (byte[] message in connection.Outbox.ReadAllAsync(cancellation))
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellation);
        }
    }

    private async Task ReceiveAsync(PlayConnection connection, CancellationToken cancellation)
    {
        byte[] buffer = new byte[ClientMessage.MaxBytes + 1];
        while (_socket.State == WebSocketState.Open)
        {
            int length = 0;
            bool tooLong = false;
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, Math.Min(length, ClientMessage.MaxBytes), buffer.Length - Math.Min(length, ClientMessage.MaxBytes)), cancellation);
                length += result.Count;
                tooLong |= length > ClientMessage.MaxBytes;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                return;
            }

            if (tooLong)
            {
                Reply(connection, new ErrorMessage($"Message refused: longer than {ClientMessage.MaxBytes} bytes."));
                continue;
            }

            if (result.MessageType != WebSocketMessageType.Text)
            {
                Reply(connection, new ErrorMessage("Message refused: expected JSON text, got binary."));
                continue;
            }

            Handle(connection, Encoding.UTF8.GetString(buffer, 0, length));
        }
    }

    private void Handle(PlayConnection connection, string text)
    {
        try
        {
            ClientMessage message = ClientMessage.Parse(text);
            if (!connection.IsController)
            {
                Reply(connection, new ErrorMessage("This tab only watches: another tab controls the session."));
                return;
            }

            if (_session.Apply(message) is string notice)
            {
                Reply(connection, new NoticeMessage(notice));
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            Reply(connection, new ErrorMessage($"Message refused: {e.Message}"));
        }
    }

    private static void Reply<T>(PlayConnection connection, T message) => connection.Send(MessageJson.Encode(message));
}
