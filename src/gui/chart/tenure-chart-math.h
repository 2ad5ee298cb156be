/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The arithmetic behind the charts: data ranges, nice axis ticks, waterfall running totals. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ticks first, first + step, …, last: n_ticks values, 1-2-5 steps. */
typedef struct
{
  double first;
  double last;
  double step;
  guint  n_ticks;
} TenureTicks;

typedef enum
{
  TENURE_WATERFALL_TOTAL,
  TENURE_WATERFALL_INCREASE,
  TENURE_WATERFALL_DECREASE,
} TenureWaterfallKind;

/* Below this share of the highest total, a bridge's movements get a broken axis. */
#define TENURE_WATERFALL_BREAK_SHARE 0.4

/* One bar of a bridge: it spans base…top (base <= top); running is the total after it. */
typedef struct
{
  double              base;
  double              top;
  double              running;
  TenureWaterfallKind kind;
} TenureWaterfallBar;

gboolean tenure_chart_range          (const double       *values,
                                      gsize               n_values,
                                      double             *min,
                                      double             *max);
double   tenure_nice_number          (double              value);
void     tenure_ticks_compute        (double              min,
                                      double              max,
                                      guint               intervals,
                                      gboolean            include_zero,
                                      TenureTicks        *ticks);
double   tenure_ticks_value          (const TenureTicks  *ticks,
                                      guint               index);
void     tenure_waterfall_compute    (const double       *values,
                                      gsize               n_values,
                                      TenureWaterfallBar *bars);
double   tenure_waterfall_axis_start (const TenureWaterfallBar *bars,
                                      gsize               n_bars);

G_END_DECLS
