using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace MyOS.Tools.Performance
{
    /// <summary>
    /// One line plot of the report, drawn by ScottPlot and saved as PNG: series of (x, y) points,
    /// each axis linear or logarithmic. ScottPlot has no log scale of its own, so a log axis
    /// plots log10 of the values and labels its ticks with the values themselves (decades major,
    /// 2..9 minor). Points with y &lt;= 0 on a log axis are left out.
    /// </summary>
    public sealed class LinePlot
    {
        /// <summary>The report's colours: ours, the baseline, the host's malloc, a prediction.</summary>
        public static readonly string Ours = "#1f5fbf", OursLight = "#7fa7e6", Baseline = "#c0392b", BaselineLight = "#e69a8f",
            Malloc = "#2e8b57", Prediction = "#888888";

        /// <summary>One line of the plot.</summary>
        /// <param name="Label">Its legend text.</param>
        /// <param name="Points">Its points, in x order.</param>
        /// <param name="Colour">"#rrggbb".</param>
        /// <param name="Dashed">Dashed instead of solid.</param>
        /// <param name="Markers">A dot at each point.</param>
        /// <param name="Width">Line width in pixels.</param>
        public sealed record Series(string Label, IReadOnlyList<(double X, double Y)> Points, string Colour,
            bool Dashed = false, bool Markers = true, float Width = 2);

        private readonly List<Series> _series = new List<Series>();

        /// <summary>The title above the plot.</summary>
        public string Title { get; init; }

        /// <summary>The x axis: its label, log or linear, and its ticks (value, label).</summary>
        public string XLabel { get; init; }
        public bool XLog { get; init; } = true;
        public IReadOnlyList<(double Value, string Label)> XTicks { get; init; }

        /// <summary>The y axis: its label, log or linear, and how a tick's value is written.</summary>
        public string YLabel { get; init; }
        public bool YLog { get; init; } = true;
        public Func<double, string> YFormat { get; init; } = value => Format.Duration(value);

        /// <summary>True once a series has been added.</summary>
        public bool HasSeries => _series.Count > 0;

        /// <summary>Adds a line (series with fewer than one usable point are skipped).</summary>
        public void Add(Series series)
        {
            if (series.Points.Any(p => !YLog || p.Y > 0))
                _series.Add(series);
        }

        /// <summary>Draws the plot and writes it to <paramref name="path"/> (PNG).</summary>
        public void Save(string path, int width = 900, int height = 480)
        {
            var plot = new Plot();
            plot.Font.Set("DejaVu Sans");
            plot.Title(Title);
            plot.XLabel(XLabel);
            plot.YLabel(YLabel);
            foreach (Series series in _series)
            {
                var points = series.Points.Where(p => !YLog || p.Y > 0).ToArray();
                var line = plot.Add.Scatter(points.Select(p => X(p.X)).ToArray(), points.Select(p => Y(p.Y)).ToArray(),
                    Color.FromHex(series.Colour));
                line.LegendText = series.Label;
                line.LineWidth = series.Width;
                line.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                line.MarkerSize = series.Markers ? 7 : 0;
            }
            var xs = _series.SelectMany(s => s.Points).Select(p => X(p.X)).ToList();
            var ys = _series.SelectMany(s => s.Points).Where(p => !YLog || p.Y > 0).Select(p => Y(p.Y)).ToList();
            double x0 = xs.Min(), x1 = Math.Max(xs.Max(), x0 + 1e-9), pad = (x1 - x0) * 0.05;
            double y0, y1;
            if (YLog)
            {
                // Whole decades, with a point on a decade line kept off the frame.
                y0 = Math.Floor(ys.Min() - 0.02);
                y1 = Math.Max(Math.Ceiling(ys.Max() + 0.02), y0 + 1);
            }
            else
            {
                y0 = 0;
                y1 = ys.Max() * 1.1;
            }
            plot.Axes.SetLimits(x0 - pad, x1 + pad, y0, y1);

            var xTicks = new ScottPlot.TickGenerators.NumericManual();
            var rawXs = _series.SelectMany(s => s.Points).Select(p => p.X).Distinct().OrderBy(x => x);
            foreach ((double value, string label) in XTicks ?? rawXs.Select(x => (x, Format.Significant(x))).ToList())
                xTicks.AddMajor(X(value), label);
            plot.Axes.Bottom.TickGenerator = xTicks;

            var yTicks = new ScottPlot.TickGenerators.NumericManual();
            if (YLog)
            {
                for (int decade = (int)y0; decade <= (int)y1; decade++)
                {
                    yTicks.AddMajor(decade, YFormat(Math.Pow(10, decade)));
                    for (int m = 2; m < 10 && decade < y1; m++)
                        yTicks.AddMinor(decade + Math.Log10(m));
                }
            }
            else
            {
                double step = NiceStep(y1 / 5);
                for (double v = 0; v <= y1; v += step)
                    yTicks.AddMajor(v, v == 0 ? "0" : YFormat(v));
            }
            plot.Axes.Left.TickGenerator = yTicks;
            plot.ShowLegend(Edge.Right);
            plot.SavePng(path, width, height);
        }

        private double X(double value) => XLog ? Math.Log10(value) : value;

        private double Y(double value) => YLog ? Math.Log10(value) : value;

        // 1, 2 or 5 times a power of ten, at least raw.
        private static double NiceStep(double raw)
        {
            double decade = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            foreach (double m in new[] { 1.0, 2, 5 })
            {
                if (m * decade >= raw)
                    return m * decade;
            }

            return 10 * decade;
        }
    }
}
