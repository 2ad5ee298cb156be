/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The arithmetic behind the charts: data ranges, nice axis ticks, waterfall running totals. */

#define G_LOG_DOMAIN "tenure-chart-math"

#include "config.h"

#include <math.h>

#include "tenure-chart-math.h"

/* Smallest and largest finite values; FALSE when there are none (all missing). */
gboolean
tenure_chart_range (const double *values,
                    gsize         n_values,
                    double       *min,
                    double       *max)
{
  gboolean found = FALSE;
  double low = 0;
  double high = 0;

  for (gsize i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]))
        continue;

      if (!found || values[i] < low)
        low = values[i];
      if (!found || values[i] > high)
        high = values[i];
      found = TRUE;
    }

  if (min != NULL)
    *min = low;
  if (max != NULL)
    *max = high;

  return found;
}

/* @value rounded to 1, 2 or 5 times a power of ten (Heckbert's "nice numbers"). */
double
tenure_nice_number (double value)
{
  double exponent;
  double fraction;
  double nice;

  if (!isfinite (value) || value <= 0)
    return 1;

  exponent = floor (log10 (value));
  fraction = value / pow (10, exponent);

  if (fraction < 1.5)
    nice = 1;
  else if (fraction < 3)
    nice = 2;
  else if (fraction < 7)
    nice = 5;
  else
    nice = 10;

  return nice * pow (10, exponent);
}

/* Ticks covering min…max in about @intervals steps. Zero is always a tick when the
 * range crosses it (ticks are multiples of the step); @include_zero stretches the
 * range down (or up) to zero, as bars need. A flat range gets some room around it. */
void
tenure_ticks_compute (double       min,
                      double       max,
                      guint        intervals,
                      gboolean     include_zero,
                      TenureTicks *ticks)
{
  double step;
  double first;
  double last;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (min) || !isfinite (max))
    {
      min = 0;
      max = 1;
    }
  if (min > max)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  if (include_zero)
    {
      min = MIN (min, 0);
      max = MAX (max, 0);
    }
  if (max - min <= fabs (max) * 1e-12)
    {
      if (max == 0)
        max = 1;
      else
        {
          double room = fabs (max) * 0.1;

          if (include_zero && max > 0)
            max += room;
          else if (include_zero && min < 0)
            min -= room;
          else
            {
              min -= room;
              max += room;
            }
        }
    }

  intervals = MAX (intervals, 1);
  step = tenure_nice_number ((max - min) / intervals);
  first = floor (min / step + 1e-9) * step;
  last = ceil (max / step - 1e-9) * step;

  ticks->first = first;
  ticks->last = last;
  ticks->step = step;
  ticks->n_ticks = (guint) llround ((last - first) / step) + 1;
}

/* The value of tick @index, without the 0.30000000000000004 of repeated additions. */
double
tenure_ticks_value (const TenureTicks *ticks,
                    guint              index)
{
  double value = (round (ticks->first / ticks->step) + index) * ticks->step;
  double scale = pow (10, MAX (0, 1 - floor (log10 (ticks->step))));

  /* Snapping to the step's decimals turns 3 × 0.1 back into 0.3. */
  value = round (value * scale) / scale;
  return value == 0 ? 0 : value;
}

/* @values holds the starting total, the movements, then the ending total (NAN to let
 * the running total decide it). Missing movements count as zero. The first and last
 * bars rise from zero; each movement floats from the running total before it. */
void
tenure_waterfall_compute (const double       *values,
                          gsize               n_values,
                          TenureWaterfallBar *bars)
{
  double running;

  if (n_values == 0)
    return;

  running = isfinite (values[0]) ? values[0] : 0;
  bars[0].base = MIN (0, running);
  bars[0].top = MAX (0, running);
  bars[0].running = running;
  bars[0].kind = TENURE_WATERFALL_TOTAL;

  for (gsize i = 1; i < n_values; i++)
    {
      double value = values[i];

      if (i == n_values - 1 && n_values > 1)
        {
          double end = isfinite (value) ? value : running;

          bars[i].base = MIN (0, end);
          bars[i].top = MAX (0, end);
          bars[i].running = end;
          bars[i].kind = TENURE_WATERFALL_TOTAL;
          break;
        }

      if (!isfinite (value))
        value = 0;

      bars[i].base = MIN (running, running + value);
      bars[i].top = MAX (running, running + value);
      bars[i].kind = value < 0 ? TENURE_WATERFALL_DECREASE : TENURE_WATERFALL_INCREASE;
      running += value;
      bars[i].running = running;
    }
}

/* Where the value axis of a bridge starts. Zero, unless every bar stays above zero and
 * the movements span less than TENURE_WATERFALL_BREAK_SHARE of the highest total: they
 * would then be slivers next to the totals. The axis then starts at a round value below
 * the lowest running total, so that the movements take more than half of the height and
 * the totals stand on a broken axis (their labels still carry their exact amounts). */
double
tenure_waterfall_axis_start (const TenureWaterfallBar *bars,
                             gsize                     n_bars)
{
  double low = G_MAXDOUBLE;
  double high = 0;
  double span, step, start;

  for (gsize i = 0; i < n_bars; i++)
    {
      const TenureWaterfallBar *bar = &bars[i];

      /* A total's own bottom is zero: what counts is its level. */
      low = MIN (low, bar->kind == TENURE_WATERFALL_TOTAL ? bar->running : bar->base);
      high = MAX (high, bar->top);
    }

  if (n_bars == 0 || low <= 0 || high <= 0)
    return 0;

  span = high - low;
  if (span >= high * TENURE_WATERFALL_BREAK_SHARE)
    return 0;

  /* The movements get 4/7 of the height, the visible part of the total bars at least 3/7. */
  step = tenure_nice_number (span * 1.75 / 4);
  start = floor ((low - span * 0.75) / step) * step;

  return start > 0 ? start : 0;
}
