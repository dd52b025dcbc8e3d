using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Demo;

/// <summary>
/// One service's simulated days, calibrated to its published figures (docs/demo.md, "How the
/// numbers are made"). Every random number is drawn up front, so calibrating (moving the take-up
/// path and the volume) recomputes the same days with the same noise until the figures come out.
/// </summary>
internal sealed class ServiceModel
{
    /// <summary>The counts kept per day, in this order.</summary>
    internal static readonly CountKey[] Keys =
    [
        new(Channel.Online, AssistedSupport.None),
        new(Channel.Api, AssistedSupport.None),
        new(Channel.Online, AssistedSupport.InPerson),
        new(Channel.Online, AssistedSupport.Phone),
        new(Channel.Online, AssistedSupport.Webchat),
        new(Channel.Online, AssistedSupport.Unspecified),
        new(Channel.Phone, AssistedSupport.None),
        new(Channel.Paper, AssistedSupport.None),
        new(Channel.FaceToFace, AssistedSupport.None),
        new(Channel.Other, AssistedSupport.None),
    ];

    internal const int KeyCount = 10;
    internal const int FirstAssistedKey = 2;
    internal const int AssistedRoutes = 4;
    private const int FirstOfflineKey = 6;

    /// <summary>Monday to Sunday: weekends are quiet, as offices and post rooms are.</summary>
    private static readonly double[] WeekdayWeights = [1.20, 1.12, 1.08, 1.04, 0.94, 0.40, 0.22];

    /// <summary>A bank holiday is as quiet as a Sunday.</summary>
    private const double BankHolidayWeight = 0.22;

    private const double VolumeNoise = 0.06;
    private const double ShareNoise = 0.005;
    private const double AssistedNoise = 0.10;
    private const double MixNoise = 0.12;

    /// <summary>With an offline channel, some transactions always stay offline: 100% take-up is a data-quality flag.</summary>
    private const double MinimumOfflineShare = 0.004;

    private const int MaxIterations = 80;
    private const double ShareConverged = 0.0001;
    private const double CountConverged = 0.0005;

    private static readonly double[] OfflineWeightByKey = [0.45, 0.35, 0.20, 0.30]; // phone, paper, face-to-face, other

    private readonly double[] _baseVolume;
    private readonly double[] _volumeMultiplier;
    private readonly double[] _shareNoise;
    private readonly double[] _assistedNoise;
    private readonly double[] _apiNoise;
    private readonly double[] _routeNoise;
    private readonly double[] _offlineNoise;
    private readonly double[] _assistedShare;
    private readonly double[] _offlineWeights;
    private readonly double[] _path;
    private readonly List<Knot> _knots = [];
    private readonly List<Fit> _fits = [];
    private readonly List<FigureCheck> _checks = [];
    private readonly double _maxDigital;
    private readonly List<(int Day, double Share)> _assistedKnots = [];

    public ServiceModel(
        ServiceRecord service,
        DemoScenario scenario,
        IReadOnlyList<PublishedFigure> figures,
        IReadOnlySet<DateOnly> bankHolidays,
        DateOnly firstDate,
        DateOnly today,
        int seed)
    {
        Service = service;
        Scenario = scenario;
        Today = today;

        var firstFigure = figures.Count == 0 ? (DateOnly?)null : figures.Min(f => f.PeriodStart);
        var opens = scenario.Launched ?? firstFigure ?? firstDate;
        Start = opens > firstDate ? opens : firstDate;
        SimulatedEnd = today.AddDays(-1);
        if (scenario.FeedStopsDaysBeforeToday is { } stops && stops <= service.FeedFrequency.Days)
        {
            throw new ArgumentException(
                $"The demo scenario for {service.Id} stops its feed {stops} days before today, which is not late for a {service.FeedFrequency} feed "
                + $"(up to {service.FeedFrequency.Days} days is on time); use more than {service.FeedFrequency.Days}.",
                nameof(scenario));
        }

        LastDay = scenario.FeedStopsDaysBeforeToday is { } k ? today.AddDays(-k) : SimulatedEnd;
        Days = Math.Max(0, SimulatedEnd.DayNumber - Start.DayNumber + 1);
        Counts = new long[Days * KeyCount];

        var yearly = service.YearlyVolume ?? scenario.YearlyVolume
            ?? throw new ArgumentException(
                $"{service.Id} has no yearly volume in the catalogue or in its demo scenario; give yearly_volume in seeds/demo-scenarios.csv.",
                nameof(scenario));

        _maxDigital = service.OfflineChannels.Count > 0 ? 1 - MinimumOfflineShare : 1;

        // Assisted digital as a share of all transactions: from the start, through the inclusion baseline, to today.
        _assistedKnots.Add((0, scenario.AssistedShareStart));
        if ((service.InclusionBaseline ?? scenario.InclusionBaseline(today)) is { } baseline
            && IndexOf(baseline.AsOf) is > 0 and var baselineDay && baselineDay < IndexOf(today))
        {
            _assistedKnots.Add((baselineDay, baseline.AssistedShare));
        }

        _assistedKnots.Add((Math.Max(1, IndexOf(today)), scenario.AssistedShareNow));
        _offlineWeights = new double[4];
        foreach (var channel in service.OfflineChannels)
        {
            var index = Array.FindIndex(Keys, k => k.Channel == channel) - FirstOfflineKey;
            _offlineWeights[index] = OfflineWeightByKey[index];
        }

        // Every random number, in one fixed order, before anything depends on a value.
        var random = DemoRandom.Create(seed, "usage|" + service.Id.Value);
        _baseVolume = new double[Days];
        _volumeMultiplier = new double[Days];
        _shareNoise = new double[Days];
        _assistedNoise = new double[Days];
        _apiNoise = new double[Days];
        _routeNoise = new double[Days * AssistedRoutes];
        _offlineNoise = new double[Days * 4];
        _assistedShare = new double[Days];
        _path = new double[Days];
        var weekdayMean = WeekdayWeights.Sum() / 7;
        for (var d = 0; d < Days; d++)
        {
            var date = Start.AddDays(d);
            var years = d / 365.25;
            var trend = Math.Max(0.25, 1 + scenario.VolumeChangePerYear * years);
            var weekday = bankHolidays.Contains(date) ? BankHolidayWeight : WeekdayWeights[((int)date.DayOfWeek + 6) % 7];
            var noise = Math.Max(0.3, 1 + VolumeNoise * random.NextNormal());
            _baseVolume[d] = yearly / 365.25 * trend * scenario.Season.For(date.Month) * (weekday / weekdayMean) * noise;
            _volumeMultiplier[d] = 1;
            _shareNoise[d] = random.NextNormal();
            _assistedNoise[d] = random.NextNormal();
            _apiNoise[d] = random.NextNormal();
            for (var r = 0; r < AssistedRoutes; r++)
            {
                _routeNoise[d * AssistedRoutes + r] = random.NextNormal();
            }

            for (var o = 0; o < 4; o++)
            {
                _offlineNoise[d * 4 + o] = random.NextNormal();
            }

            _assistedShare[d] = AssistedShareOn(date);
        }

        PlanFits(figures);
        PlanStory();
        Calibrate();
    }

    public ServiceRecord Service { get; }

    public DemoScenario Scenario { get; }

    public DateOnly Today { get; }

    public DateOnly Start { get; }

    /// <summary>The last day simulated: the day before today. Sessions run to here.</summary>
    public DateOnly SimulatedEnd { get; }

    /// <summary>The last day with usage data (earlier than <see cref="SimulatedEnd"/> for a late feed).</summary>
    public DateOnly LastDay { get; }

    /// <summary>Days simulated, from <see cref="Start"/> to <see cref="SimulatedEnd"/>.</summary>
    public int Days { get; }

    /// <summary>Days with usage data, from <see cref="Start"/> to <see cref="LastDay"/>.</summary>
    public int DataDays => Math.Clamp(LastDay.DayNumber - Start.DayNumber + 1, 0, Days);

    /// <summary>Per day, <see cref="KeyCount"/> counts in the order of <see cref="Keys"/>.</summary>
    public long[] Counts { get; }

    public IReadOnlyList<FigureCheck> Checks => _checks;

    public long AssistedOn(int day)
    {
        long sum = 0;
        for (var k = FirstAssistedKey; k < FirstAssistedKey + AssistedRoutes; k++)
        {
            sum += Counts[day * KeyCount + k];
        }

        return sum;
    }

    public ChannelCounts CountsOn(int day)
    {
        var counts = ChannelCounts.Empty;
        for (var k = 0; k < KeyCount; k++)
        {
            if (Counts[day * KeyCount + k] is > 0 and var count)
            {
                counts = counts.With(Keys[k], count);
            }
        }

        return counts;
    }

    /// <summary>
    /// The share of all transactions that were assisted digital: straight lines from the start,
    /// through the inclusion baseline when there is one, to today.
    /// </summary>
    private double AssistedShareOn(DateOnly date)
    {
        var day = IndexOf(date);
        if (day <= _assistedKnots[0].Day)
        {
            return _assistedKnots[0].Share;
        }

        for (var i = 1; i < _assistedKnots.Count; i++)
        {
            var (rightDay, rightShare) = _assistedKnots[i];
            if (day <= rightDay)
            {
                var (leftDay, leftShare) = _assistedKnots[i - 1];
                return leftShare + (rightShare - leftShare) * (day - leftDay) / (rightDay - leftDay);
            }
        }

        return _assistedKnots[^1].Share;
    }

    private int IndexOf(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>Which figures can be reproduced, and the knot or volume each one moves.</summary>
    private void PlanFits(IReadOnlyList<PublishedFigure> figures)
    {
        var shareFigures = new List<PublishedFigure>();
        foreach (var figure in figures.OrderBy(f => f.PeriodStart).ThenBy(f => f.PeriodEnd))
        {
            var why = figure.PeriodStart < Start ? $"its period starts before the history does ({Start:yyyy-MM-dd}; see Demo:FirstDate)"
                : figure.PeriodEnd > LastDay ? $"its period ends after the service's last day of data ({LastDay:yyyy-MM-dd})"
                : figure is { IsShare: false } && Scenario.ApplicationsFigure == ApplicationsFigure.NotComparable
                    ? "it counts only part of the service's applications, so no figure of the whole service compares with it (see the scenario's note)"
                : null;
            if (figure is { IsShare: false } && Scenario.ApplicationsFigure == ApplicationsFigure.None)
            {
                throw new ArgumentException(
                    $"{Service.Id} has an applications figure but its demo scenario's applications_figure is empty; say whether the figure counts the digital service (digital) or is not-comparable.");
            }

            if (why is not null)
            {
                _checks.Add(new FigureCheck(figure, null, why));
                continue;
            }

            if (figure.IsShare)
            {
                shareFigures.Add(figure);
            }
            else
            {
                _fits.Add(new Fit(figure, IndexOf(figure.PeriodStart), IndexOf(figure.PeriodEnd), [], 1));
            }
        }

        foreach (var figure in shareFigures)
        {
            int from = IndexOf(figure.PeriodStart), to = IndexOf(figure.PeriodEnd);
            var value = Math.Clamp(figure.Aim, 0.0005, _maxDigital);
            if (to - from < 31)
            {
                // A month or less: one knot in the middle of it.
                _fits.Add(new Fit(figure, from, to, [AddKnot(from + (to - from) / 2, value, isFigure: true)], 1));
                continue;
            }

            // Longer: level across the part of the period no shorter figure inside it speaks for.
            var (ownFrom, ownTo) = OwnPart(figure, from, to, shareFigures);
            var gain = VolumeBetween(from, to) / Math.Max(1, VolumeBetween(ownFrom, ownTo));
            _fits.Add(new Fit(figure, from, to, [AddKnot(ownFrom, value, isFigure: true), AddKnot(ownTo, value, isFigure: true)], gain));
        }

        var clash = _knots.GroupBy(k => k.Day).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"Two published figures of {Service.Id} fall on {Start.AddDays(clash.Key):yyyy-MM-dd}; the demo cannot place both.");
        }
    }

    /// <summary>The longest stretch of the figure's period not covered by a shorter figure within it.</summary>
    private (int From, int To) OwnPart(PublishedFigure figure, int from, int to, List<PublishedFigure> all)
    {
        var covered = new bool[to - from + 1];
        foreach (var other in all)
        {
            if (ReferenceEquals(other, figure) || other.PeriodStart < figure.PeriodStart || other.PeriodEnd > figure.PeriodEnd
                || (other.PeriodStart == figure.PeriodStart && other.PeriodEnd == figure.PeriodEnd))
            {
                continue;
            }

            for (var d = IndexOf(other.PeriodStart); d <= IndexOf(other.PeriodEnd); d++)
            {
                covered[d - from] = true;
            }
        }

        (int From, int To) best = (from, from - 1);
        for (var d = 0; d < covered.Length;)
        {
            if (covered[d])
            {
                d++;
                continue;
            }

            var runStart = d;
            while (d < covered.Length && !covered[d])
            {
                d++;
            }

            if (d - runStart > best.To - best.From + 1)
            {
                best = (from + runStart, from + d - 1);
            }
        }

        return best.To < best.From
            ? throw new ArgumentException($"The {figure.MeasureName} figure of {Service.Id} for {figure.PeriodStart:yyyy-MM-dd} to {figure.PeriodEnd:yyyy-MM-dd} is covered entirely by shorter figures.")
            : best;
    }

    /// <summary>
    /// The fictional story after the figures: digital take-up a year ago and today (and at launch,
    /// for a service without a take-up figure), less that day's assisted digital share, as
    /// unassisted take-up. A story point on or before the last figure's knot is left out.
    /// </summary>
    private void PlanStory()
    {
        var lastFigureDay = _knots.Count == 0 ? int.MinValue : _knots.Max(k => k.Day);
        void Story(int day, double digitalTakeUp)
        {
            if (day > lastFigureDay)
            {
                var independent = digitalTakeUp - AssistedShareOn(Start.AddDays(day));
                AddKnot(day, Math.Clamp(independent, 0.0005, _maxDigital), isFigure: false);
            }
        }

        if (Scenario.LaunchTakeUp is { } launch && _knots.Count == 0)
        {
            Story(0, launch);
        }

        Story(IndexOf(Today.AddDays(-365)), Scenario.TakeUpYearAgo);
        Story(IndexOf(Today), Scenario.TakeUpNow);
        _knots.Sort((x, y) => x.Day.CompareTo(y.Day));
    }

    private Knot AddKnot(int day, double value, bool isFigure)
    {
        var knot = new Knot(day, value, isFigure);
        _knots.Add(knot);
        return knot;
    }

    private double VolumeBetween(int from, int to)
    {
        var sum = 0.0;
        for (var d = from; d <= to; d++)
        {
            sum += _baseVolume[d];
        }

        return sum;
    }

    /// <summary>
    /// Moves each figure's knots (or, for a count, its period's volume) by what it still misses,
    /// and recomputes, until every figure is met or the iterations run out.
    /// </summary>
    private void Calibrate()
    {
        _knots.Sort((x, y) => x.Day.CompareTo(y.Day));
        if (_fits.Count > 0)
        {
            var from = _fits.Min(f => f.From);
            var to = _fits.Max(f => f.To);
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                ComputePath();
                ComputeDays(from, to);
                var converged = true;
                foreach (var fit in _fits)
                {
                    var measured = Measure(fit);
                    if (fit.Figure.IsShare)
                    {
                        var error = fit.Figure.Aim - measured;
                        converged &= Math.Abs(error) < ShareConverged;
                        foreach (var knot in fit.Knots)
                        {
                            knot.Value = Math.Clamp(knot.Value + error * fit.Gain, 0.0005, _maxDigital);
                        }
                    }
                    else
                    {
                        var ratio = measured > 0 ? fit.Figure.Aim / measured : 2;
                        converged &= Math.Abs(ratio - 1) < CountConverged;
                        for (var d = fit.From; d <= fit.To; d++)
                        {
                            _volumeMultiplier[d] *= ratio;
                        }
                    }
                }

                if (converged)
                {
                    break;
                }
            }
        }

        ComputePath();
        ComputeDays(0, Days - 1);
        foreach (var fit in _fits)
        {
            _checks.Add(new FigureCheck(fit.Figure, Measure(fit), null));
        }

        _checks.Sort((x, y) => x.Figure.PeriodStart.CompareTo(y.Figure.PeriodStart) is var byStart and not 0 ? byStart : x.Figure.PeriodEnd.CompareTo(y.Figure.PeriodEnd));
    }

    private double Measure(Fit fit)
    {
        Span<long> sums = stackalloc long[KeyCount];
        for (var d = fit.From; d <= fit.To; d++)
        {
            for (var k = 0; k < KeyCount; k++)
            {
                sums[k] += Counts[d * KeyCount + k];
            }
        }

        var counts = ChannelCounts.Empty;
        for (var k = 0; k < KeyCount; k++)
        {
            counts = counts.With(Keys[k], sums[k]);
        }

        return fit.Figure.MeasureIn(counts);
    }

    /// <summary>Unassisted digital take-up per day: straight lines between the knots, level before the first and after the last.</summary>
    private void ComputePath()
    {
        if (_knots.Count == 0)
        {
            Array.Fill(_path, 0.5);
            return;
        }

        var next = 0;
        for (var d = 0; d < Days; d++)
        {
            while (next < _knots.Count && _knots[next].Day <= d)
            {
                next++;
            }

            if (next == 0)
            {
                _path[d] = _knots[0].Value;
            }
            else if (next == _knots.Count)
            {
                _path[d] = _knots[^1].Value;
            }
            else
            {
                var left = _knots[next - 1];
                var right = _knots[next];
                _path[d] = left.Value + (right.Value - left.Value) * (d - left.Day) / (right.Day - left.Day);
            }
        }
    }

    private void ComputeDays(int from, int to)
    {
        Span<double> routeWeights = stackalloc double[AssistedRoutes];
        Span<double> offlineWeights = stackalloc double[4];
        Span<long> split = stackalloc long[4];
        for (var d = from; d <= to; d++)
        {
            var row = Counts.AsSpan(d * KeyCount, KeyCount);
            row.Clear();
            var total = (long)Math.Round(_baseVolume[d] * _volumeMultiplier[d], MidpointRounding.ToEven);
            if (total <= 0)
            {
                continue;
            }

            var independent = Math.Clamp(_path[d] + ShareNoise * _shareNoise[d], 0.0005, _maxDigital);
            var assisted = Math.Clamp(_assistedShare[d] * (1 + AssistedNoise * _assistedNoise[d]), 0, _maxDigital - independent);

            var independentCount = (long)Math.Round(total * independent, MidpointRounding.ToEven);
            var assistedCount = Math.Min((long)Math.Round(total * assisted, MidpointRounding.ToEven), total - independentCount);
            var offlineCount = total - independentCount - assistedCount;
            if (Service.OfflineChannels.Count == 0)
            {
                independentCount += offlineCount;
                offlineCount = 0;
            }

            var apiShare = Math.Clamp(Scenario.ApiShare * (1 + 0.05 * _apiNoise[d]), 0, 1);
            row[1] = (long)Math.Round(independentCount * apiShare, MidpointRounding.ToEven);
            row[0] = independentCount - row[1];

            // Assisted routes: in person, phone, web chat (growing as services offer it), and "yes" where the feed does not know.
            var along = (double)d / Math.Max(1, Days);
            routeWeights[0] = 0.50;
            routeWeights[1] = 0.38;
            routeWeights[2] = 0.02 + 0.12 * along;
            routeWeights[3] = 0.05;
            for (var r = 0; r < AssistedRoutes; r++)
            {
                routeWeights[r] *= Math.Max(0.05, 1 + MixNoise * _routeNoise[d * AssistedRoutes + r]);
            }

            LargestRemainder.Split(assistedCount, routeWeights, split);
            split[..AssistedRoutes].CopyTo(row[FirstAssistedKey..]);

            for (var o = 0; o < 4; o++)
            {
                offlineWeights[o] = _offlineWeights[o] * Math.Max(0.05, 1 + MixNoise * _offlineNoise[d * 4 + o]);
            }

            LargestRemainder.Split(offlineCount, offlineWeights, split);
            split.CopyTo(row[FirstOfflineKey..]);
        }
    }

    private sealed class Knot(int day, double value, bool isFigure)
    {
        public int Day { get; } = day;

        public double Value { get; set; } = value;

        public bool IsFigure { get; } = isFigure;
    }

    private sealed record Fit(PublishedFigure Figure, int From, int To, IReadOnlyList<Knot> Knots, double Gain);
}
