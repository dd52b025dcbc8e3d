namespace TakeUp.Hosting.Tests.Support;

/// <summary>
/// A queue with Azure Queue Storage's semantics, in memory: every receive increments the dequeue
/// count and hides the message until its visibility timeout passes on the given clock; update and
/// delete need the current pop receipt, and each update issues a new one.
/// </summary>
internal sealed class InMemoryTriggerQueue(string name, TimeProvider time) : ITriggerQueue
{
    private readonly object _gate = new();
    private readonly List<Stored> _messages = [];
    private int _failNextReceives;
    private int _nextId;

    public string Name { get; } = name;

    public bool Created { get; private set; }

    public int ReceiveCalls { get; private set; }

    public int VisibilityUpdates { get; private set; }

    /// <summary>Updates that came after the message had already become visible again: a lease allowed to lapse.</summary>
    public int LapsedLeases { get; private set; }

    /// <summary>Every message still in the queue, visible or not.</summary>
    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_gate)
            {
                return _messages.Select(message => message.Text).ToArray();
            }
        }
    }

    /// <summary>Makes the next receives fail as a storage outage would.</summary>
    public void FailNextReceives(int count)
    {
        lock (_gate)
        {
            _failNextReceives = count;
        }
    }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Created = true;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TriggerMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ReceiveCalls++;
            EnsureCreated();
            if (_failNextReceives > 0)
            {
                _failNextReceives--;
                throw new IOException($"Simulated outage receiving from {Name}.");
            }

            var now = time.GetUtcNow();
            var received = new List<TriggerMessage>();
            foreach (var message in _messages.Where(message => message.VisibleAt <= now).Take(maxMessages))
            {
                message.DequeueCount++;
                message.PopReceipt = Guid.NewGuid().ToString();
                message.VisibleAt = now + visibilityTimeout;
                received.Add(message.ToTriggerMessage());
            }

            return Task.FromResult<IReadOnlyList<TriggerMessage>>(received);
        }
    }

    public Task<TriggerMessage> UpdateVisibilityAsync(TriggerMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stored = Find(message);
            var now = time.GetUtcNow();
            if (stored.VisibleAt <= now)
            {
                LapsedLeases++;
            }

            stored.PopReceipt = Guid.NewGuid().ToString();
            stored.VisibleAt = now + visibilityTimeout;
            VisibilityUpdates++;
            return Task.FromResult(stored.ToTriggerMessage());
        }
    }

    public Task DeleteAsync(TriggerMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _messages.Remove(Find(message));
            return Task.CompletedTask;
        }
    }

    public Task SendAsync(string messageText, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            EnsureCreated();
            _nextId++;
            var now = time.GetUtcNow();
            _messages.Add(new Stored($"{Name}-{_nextId}", messageText, now));
            return Task.CompletedTask;
        }
    }

    private void EnsureCreated()
    {
        if (!Created)
        {
            throw new InvalidOperationException($"QueueNotFound: {Name} was not created.");
        }
    }

    private Stored Find(TriggerMessage message)
    {
        var stored = _messages.SingleOrDefault(candidate => candidate.Id == message.Id)
            ?? throw new InvalidOperationException($"MessageNotFound: {message.Id} is not in {Name}.");
        return stored.PopReceipt == message.PopReceipt
            ? stored
            : throw new InvalidOperationException($"PopReceiptMismatch: {message.Id} in {Name} has a newer pop receipt.");
    }

    private sealed class Stored(string id, string text, DateTimeOffset insertedOn)
    {
        public string Id { get; } = id;

        public string Text { get; } = text;

        public long DequeueCount { get; set; }

        public string PopReceipt { get; set; } = string.Empty;

        public DateTimeOffset InsertedOn { get; } = insertedOn;

        public DateTimeOffset VisibleAt { get; set; } = insertedOn;

        public TriggerMessage ToTriggerMessage() =>
            new(Id, PopReceipt, Text, DequeueCount, InsertedOn, InsertedOn.AddDays(7), VisibleAt);
    }
}
