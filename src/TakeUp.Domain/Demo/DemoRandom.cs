using System.Buffers.Binary;
using System.Text;

namespace TakeUp.Domain.Demo;

/// <summary>
/// The demo's only source of randomness: xoshiro256** seeded through SplitMix64, written out here
/// rather than <see cref="Random"/> so that a seed gives the same numbers on every .NET version and
/// platform. Each purpose gets its own stream (<see cref="Create"/> with a name such as
/// <c>usage|carers-allowance</c>), so adding a service or a field never changes another's numbers.
/// </summary>
/// <remarks>
/// Only integer operations, one multiplication and one division make a number; normal variates are
/// the Irwin-Hall sum of twelve uniforms, which needs no logarithm or cosine, whose last bits can
/// differ between platforms' maths libraries. So the same seed gives byte-identical output.
/// </remarks>
public sealed class DemoRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private DemoRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>The stream named <paramref name="stream"/> of the demo generated from <paramref name="seed"/>.</summary>
    public static DemoRandom Create(int seed, string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        unchecked
        {
            return new DemoRandom(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ Fnv1a(stream));
        }
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        unchecked
        {
            return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
        }
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>Approximately standard normal (mean 0, variance 1), within ±6.</summary>
    public double NextNormal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An index drawn with the given (non-negative, not all zero) weights.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        var target = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        // Rounding left a sliver at the end: the last item with weight takes it.
        for (var i = weights.Length - 1; ; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }
    }

    /// <summary>The random bytes of a version-4 UUID, so ids are as unguessable-looking as real ones and fixed by the seed.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the Guid byte layout keeps this in the version nibble)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>FNV-1a over the UTF-8 bytes: a stable hash (string.GetHashCode changes every run).</summary>
    private static ulong Fnv1a(string text)
    {
        unchecked
        {
            var hash = 0xCBF29CE484222325UL;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash ^= b;
                hash *= 0x100000001B3UL;
            }

            return hash;
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
