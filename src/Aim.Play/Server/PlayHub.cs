using System.Threading.Channels;

namespace Aim.Play.Server;

/// <summary>One open page: its role and the messages waiting to be sent to it.</summary>
internal sealed class PlayConnection
{
    /// <summary>Frames are whole pictures, so a slow tab may drop old ones; the newest always arrives.</summary>
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(64)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public PlayConnection(bool isController) => IsController = isController;

    /// <summary>True for the one tab whose keys count; every other tab only watches.</summary>
    public bool IsController { get; }

    /// <summary>Messages to send, in order.</summary>
    public ChannelReader<byte[]> Outbox => _outbox.Reader;

    public void Send(byte[] message) => _outbox.Writer.TryWrite(message);

    public void Close() => _outbox.Writer.TryComplete();
}

/// <summary>
/// The open pages of a session: the first is the controller, later ones are viewers (a second tab cannot corrupt the
/// session: its messages are refused). Keeps the latest frame and charts so a tab that connects late is current at once.
/// </summary>
internal sealed class PlayHub
{
    private readonly object _lock = new();
    private readonly List<PlayConnection> _connections = new();
    private PlayConnection? _controller;
    private byte[]? _frame;
    private byte[]? _charts;
    private byte[]? _finished;

    /// <summary>Opens a connection: the controller when no other tab controls the session, else a viewer.</summary>
    /// <param name="hello">Builds the first message for the connection from its role.</param>
    public PlayConnection Join(Func<bool, byte[]> hello)
    {
        lock (_lock)
        {
            var connection = new PlayConnection(isController: _controller is null);
            if (connection.IsController)
            {
                _controller = connection;
            }

            connection.Send(hello(connection.IsController));
            foreach (byte[]? latest in new[] { _frame, _charts, _finished })
            {
                if (latest is not null)
                {
                    connection.Send(latest);
                }
            }

            _connections.Add(connection);
            return connection;
        }
    }

    /// <summary>Closes a connection; when it was the controller, the next tab to open becomes the controller.</summary>
    public void Leave(PlayConnection connection)
    {
        lock (_lock)
        {
            _connections.Remove(connection);
            if (ReferenceEquals(_controller, connection))
            {
                _controller = null;
            }
        }

        connection.Close();
    }

    /// <summary>Sends a frame to every tab and keeps it as the latest.</summary>
    public void PublishFrame(byte[] message) => Publish(message, ref _frame);

    /// <summary>Sends the charts to every tab and keeps them as the latest.</summary>
    public void PublishCharts(byte[] message) => Publish(message, ref _charts);

    /// <summary>Sends the end of the run to every tab and keeps it.</summary>
    public void PublishFinished(byte[] message) => Publish(message, ref _finished);

    /// <summary>Sends a one-off message (an error, a notice) to every tab.</summary>
    public void Broadcast(byte[] message)
    {
        byte[]? ignored = null;
        Publish(message, ref ignored);
    }

    private void Publish(byte[] message, ref byte[]? latest)
    {
        lock (_lock)
        {
            latest = message;
            foreach (PlayConnection connection in _connections)
            {
                connection.Send(message);
            }
        }
    }
}
