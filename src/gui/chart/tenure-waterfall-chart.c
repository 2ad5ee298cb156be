/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A waterfall (bridge): a starting total, the movements that float on it, the ending total.
 *
 * The data's first series holds, per category, the starting total, each movement, and
 * the ending total (NAN lets the running total decide it), as the MRR bridge reads:
 * start, new, reactivation, expansion, contraction, churn, end. */

#define G_LOG_DOMAIN "tenure-waterfall-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-chart-private.h"
#include "tenure-waterfall-chart.h"

struct _TenureWaterfallChart
{
  TenureChart parent_instance;
};

G_DEFINE_FINAL_TYPE (TenureWaterfallChart, tenure_waterfall_chart, TENURE_TYPE_CHART)

static TenureWaterfallBar *
compute_bars (TenureChartData *data,
              guint           *n_bars)
{
  const double *values;
  TenureWaterfallBar *bars;

  *n_bars = 0;
  if (data == NULL || tenure_chart_data_get_n_series (data) == 0)
    return NULL;

  values = tenure_chart_data_get_values (data, 0, n_bars);
  bars = g_new0 (TenureWaterfallBar, MAX (1, *n_bars));
  tenure_waterfall_compute (values, *n_bars, bars);

  return bars;
}

static TenureChartColor
bar_color (const TenureWaterfallBar *bar)
{
  switch (bar->kind)
    {
    case TENURE_WATERFALL_INCREASE:
      return TENURE_CHART_COLOR_GREEN;
    case TENURE_WATERFALL_DECREASE:
      return TENURE_CHART_COLOR_RED;
    case TENURE_WATERFALL_TOTAL:
    default:
      return TENURE_CHART_COLOR_NEUTRAL;
    }
}

/* The figure written on a bar: totals as they are, movements with their sign. */
static char *
bar_label (TenureChartData          *data,
           const TenureWaterfallBar *bar,
           TenureFormatFlags         flags,
           TenureLanguage            language)
{
  if (bar->kind == TENURE_WATERFALL_TOTAL)
    return tenure_chart_data_format_value (data, bar->running, flags, language);

  return tenure_chart_data_format_value (data,
                                         bar->kind == TENURE_WATERFALL_DECREASE
                                           ? -(bar->top - bar->base) : bar->top - bar->base,
                                         flags | TENURE_FORMAT_SIGN, language);
}

/* A slanted gap across a bar (or the axis) just above the bottom of the plot: the
 * usual mark of a value axis that does not start at zero. */
static void
draw_break (TenureChartRender *render,
            double             x,
            double             width,
            double             y)
{
  cairo_t *cr = render->cr;

  cairo_save (cr);
  cairo_move_to (cr, x - 3, y + 3);
  cairo_line_to (cr, x + width + 3, y - 3);
  cairo_line_to (cr, x + width + 3, y - 8);
  cairo_line_to (cr, x - 3, y - 2);
  cairo_close_path (cr);
  tenure_chart_render_set_color (render, &render->palette.background, 1);
  cairo_fill_preserve (cr);
  tenure_chart_render_set_color (render, &render->palette.axis, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* "Axis starts at €620k", above the plot at its right: the break is said, not only drawn. */
static void
draw_axis_note (TenureChartRender     *render,
                const graphene_rect_t *area,
                double                 start,
                double                 step)
{
  TenureChartData *data = render->data;
  g_autofree char *value = tenure_format_axis_value (start, step,
                                                     tenure_chart_data_get_unit (data),
                                                     tenure_chart_data_get_currency (data),
                                                     render->language);
  g_autofree char *note = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  /* Translators: the bottom of a value axis that is not zero, e.g. "Axis starts at €620k" */
  note = g_strdup_printf (_("Axis starts at %s"), value);
  layout = tenure_chart_render_layout (render, note, TENURE_CHART_TEXT_SMALL);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_START);
  pango_layout_set_width (layout, (int) (area->size.width * PANGO_SCALE));
  tenure_chart_render_text (render, layout, area->origin.x + area->size.width,
                            area->origin.y, 1, 0, &render->palette.dim);
}

static void
tenure_waterfall_chart_draw_plot (TenureChart           *chart,
                                  TenureChartRender     *render,
                                  const graphene_rect_t *area)
{
  TenureChartData *data = render->data;
  g_autofree TenureWaterfallBar *bars = NULL;
  TenureChartAxes axes;
  graphene_rect_t plot_area = *area;
  double min = 0, max = 0, axis_start, bottom;
  gboolean broken;
  guint n_bars;
  cairo_t *cr = render->cr;

  bars = compute_bars (data, &n_bars);
  for (guint i = 0; i < n_bars; i++)
    {
      min = MIN (min, bars[i].base);
      max = MAX (max, bars[i].top);
    }

  /* Small movements next to large totals: the axis starts near the lowest total. */
  axis_start = tenure_waterfall_axis_start (bars, n_bars);
  if (axis_start > 0)
    {
      double note_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_SMALL);

      min = axis_start;
      plot_area.origin.y += note_height + 2;
      plot_area.size.height -= note_height + 2;
    }

  tenure_chart_axes_layout (render, &plot_area, min, max, FALSE, 0, &axes);
  broken = axes.ticks.first > 0;
  if (broken)
    draw_axis_note (render, area, axes.ticks.first, axes.ticks.step);
  tenure_chart_axes_draw (render, &axes);
  bottom = axes.plot.origin.y + axes.plot.size.height;

  for (guint i = 0; i < n_bars; i++)
    {
      const TenureWaterfallBar *bar = &bars[i];
      double start, size, width, x, y_top, y_base;
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double label_width, label_height;

      tenure_chart_axes_band (&axes, i, &start, &size);
      tenure_chart_add_hit (render, &GRAPHENE_RECT_INIT (start, axes.plot.origin.y,
                                                         size, axes.plot.size.height),
                            (int) i, 0);

      width = MIN (size * 0.64, 56);
      x = round (start + (size - width) / 2);
      y_top = round (tenure_chart_axes_position (&axes, bar->top));
      y_base = round (tenure_chart_axes_position (&axes, MAX (bar->base, axes.ticks.first)));
      if (y_base - y_top < 1)
        y_top = y_base - 1;

      tenure_chart_render_set_color (render,
                                     tenure_chart_render_role_color (render, bar_color (bar)), 1);
      cairo_rectangle (cr, x, y_top, round (width), y_base - y_top);
      cairo_fill (cr);

      /* A total cut by the broken axis shows its cut. */
      if (broken && bar->kind == TENURE_WATERFALL_TOTAL && y_base - y_top > 24)
        draw_break (render, x, round (width), bottom - 10);

      /* A connector carries the running total over to the next bar. */
      if (i + 1 < n_bars)
        {
          double next_start, next_size;
          double y = round (tenure_chart_axes_position (&axes, bar->running)) + 0.5;

          tenure_chart_axes_band (&axes, i + 1, &next_start, &next_size);
          cairo_save (cr);
          tenure_chart_render_set_color (render, &render->palette.axis, 1);
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
          cairo_move_to (cr, x + round (width), y);
          cairo_line_to (cr, round (next_start + (next_size - width) / 2), y);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      /* The figure above the bar (below it for a fall), compact if room is short. */
      label = bar_label (data, bar, TENURE_FORMAT_NONE, render->language);
      layout = tenure_chart_render_layout (render, label, TENURE_CHART_TEXT_SMALL);
      tenure_chart_layout_size (layout, &label_width, &label_height);
      if (label_width > size - 4)
        {
          g_free (label);
          label = bar_label (data, bar, TENURE_FORMAT_COMPACT, render->language);
          pango_layout_set_text (layout, label, -1);
          tenure_chart_layout_size (layout, &label_width, &label_height);
        }
      if (label_width > size - 2)
        continue;

      if (bar->kind == TENURE_WATERFALL_DECREASE)
        {
          if (y_base + 3 + label_height <= axes.plot.origin.y + axes.plot.size.height)
            tenure_chart_render_text (render, layout, start + size / 2, y_base + 3, 0.5, 0,
                                      &render->palette.foreground);
        }
      else if (y_top - 3 - label_height >= axes.area.origin.y)
        tenure_chart_render_text (render, layout, start + size / 2, y_top - 3, 0.5, 1,
                                  &render->palette.foreground);
    }
}

static char *
tenure_waterfall_chart_tooltip_text (TenureChart *chart,
                                     int          category,
                                     int          series)
{
  TenureChartData *data = tenure_chart_get_data (chart);
  TenureLanguage language = tenure_chart_get_language (chart);
  g_autofree TenureWaterfallBar *bars = NULL;
  g_autofree char *value = NULL;
  g_autofree char *running = NULL;
  guint n_bars;

  bars = compute_bars (data, &n_bars);
  if (category < 0 || (guint) category >= n_bars)
    return NULL;

  value = bar_label (data, &bars[category], TENURE_FORMAT_NONE, language);
  if (bars[category].kind == TENURE_WATERFALL_TOTAL)
    return g_markup_printf_escaped ("<b>%s</b>\n%s",
                                    tenure_chart_data_get_category (data, (guint) category),
                                    value);

  running = tenure_chart_data_format_value (data, bars[category].running, TENURE_FORMAT_NONE,
                                            language);
  /* Translators: a bridge's movement, its amount and the total after it. */
  return g_markup_printf_escaped (_("<b>%s</b>\n%s\nRunning total: %s"),
                                  tenure_chart_data_get_category (data, (guint) category),
                                  value, running);
}

/* "MRR bridge. Start: 350 €; New: +80 €; …; End: 210 €." */
static char *
tenure_waterfall_chart_describe (TenureChart *chart)
{
  TenureChartData *data = tenure_chart_get_data (chart);
  TenureLanguage language = tenure_chart_get_language (chart);
  const char *title = tenure_chart_get_title (chart);
  g_autofree TenureWaterfallBar *bars = NULL;
  GString *text = g_string_new (NULL);
  guint n_bars;

  if (title != NULL)
    g_string_append_printf (text, "%s. ", title);

  if (data == NULL || tenure_chart_data_is_empty (data))
    {
      g_string_append (text, tenure_chart_get_empty_text (chart));
      return g_string_free (text, FALSE);
    }

  bars = compute_bars (data, &n_bars);
  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *value = bar_label (data, &bars[i], TENURE_FORMAT_NONE, language);

      g_string_append_printf (text, "%s: %s%s", tenure_chart_data_get_category (data, i), value,
                              i + 1 < n_bars ? "; " : ".");
    }
  if (tenure_waterfall_axis_start (bars, n_bars) > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("The value axis does not start at zero, so that the movements "
                               "show."));
    }

  return g_string_free (text, FALSE);
}

static void
tenure_waterfall_chart_class_init (TenureWaterfallChartClass *klass)
{
  TenureChartClass *chart_class = TENURE_CHART_CLASS (klass);

  chart_class->draw_plot = tenure_waterfall_chart_draw_plot;
  chart_class->tooltip_text = tenure_waterfall_chart_tooltip_text;
  chart_class->describe = tenure_waterfall_chart_describe;
}

static void
tenure_waterfall_chart_init (TenureWaterfallChart *self)
{
  tenure_chart_set_show_legend (TENURE_CHART (self), FALSE);
  /* Totals rise from zero anyway; the axis starts elsewhere only when it is broken. */
  tenure_chart_set_include_zero (TENURE_CHART (self), FALSE);
}

GtkWidget *
tenure_waterfall_chart_new (void)
{
  return g_object_new (TENURE_TYPE_WATERFALL_CHART, NULL);
}
