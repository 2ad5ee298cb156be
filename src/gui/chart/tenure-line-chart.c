/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A line chart: one line per series over the categories (months), an optional target. */

#define G_LOG_DOMAIN "tenure-line-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-chart-private.h"
#include "tenure-line-chart.h"

/* Up to this many points, each value gets a dot. */
#define MAX_DOTS 24

struct _TenureLineChart
{
  TenureChart parent_instance;
};

G_DEFINE_FINAL_TYPE (TenureLineChart, tenure_line_chart, TENURE_TYPE_CHART)

static void
draw_dot (TenureChartRender *render,
          double             x,
          double             y,
          double             radius,
          const GdkRGBA     *color)
{
  cairo_t *cr = render->cr;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  tenure_chart_render_set_color (render, color, 1);
  cairo_fill (cr);
}

static void
tenure_line_chart_draw_plot (TenureChart           *chart,
                             TenureChartRender     *render,
                             const graphene_rect_t *area)
{
  TenureChartData *data = render->data;
  guint n_categories = tenure_chart_data_get_n_categories (data);
  guint n_series = tenure_chart_data_get_n_series (data);
  double target = tenure_chart_data_get_target (data);
  TenureChartAxes axes;
  double min, max;
  cairo_t *cr = render->cr;

  tenure_chart_data_get_range (data, &min, &max);
  if (isfinite (target))
    {
      min = MIN (min, target);
      max = MAX (max, target);
    }

  tenure_chart_axes_layout (render, area, min, max, FALSE, 0, &axes);
  tenure_chart_axes_draw (render, &axes);

  for (guint c = 0; c < n_categories; c++)
    {
      double start, size;

      tenure_chart_axes_band (&axes, c, &start, &size);
      tenure_chart_add_hit (render, &GRAPHENE_RECT_INIT (start, axes.plot.origin.y,
                                                         size, axes.plot.size.height),
                            (int) c, -1);

      if (tenure_chart_render_is_selected (render, (int) c, -1))
        {
          cairo_save (cr);
          tenure_chart_render_set_color (render, &render->palette.axis, 1);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, round (start + size / 2) + 0.5, axes.plot.origin.y);
          cairo_line_to (cr, round (start + size / 2) + 0.5,
                         axes.plot.origin.y + axes.plot.size.height);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  tenure_chart_draw_target (render, &axes);

  cairo_save (cr);
  cairo_rectangle (cr, axes.plot.origin.x - 6, axes.plot.origin.y - 6,
                   axes.plot.size.width + 12, axes.plot.size.height + 12);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint s = 0; s < n_series; s++)
    {
      const GdkRGBA *color = tenure_chart_render_series_color (render, s);
      gboolean dashed = tenure_chart_data_get_series_dashed (data, s);
      gboolean drawing = FALSE;
      guint last = G_MAXUINT;

      cairo_new_path (cr);
      for (guint c = 0; c < n_categories; c++)
        {
          double value = tenure_chart_data_get_value (data, s, c);
          double start, size, x, y;

          if (!isfinite (value))
            {
              drawing = FALSE;
              continue;
            }

          tenure_chart_axes_band (&axes, c, &start, &size);
          x = start + size / 2;
          y = tenure_chart_axes_position (&axes, value);
          if (drawing)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          drawing = TRUE;
          last = c;
        }

      tenure_chart_render_set_color (render, color, 1);
      cairo_set_line_width (cr, (dashed ? 2 : 2.5) * render->palette.line_scale);
      if (dashed)
        cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);

      for (guint c = 0; c < n_categories; c++)
        {
          double value = tenure_chart_data_get_value (data, s, c);
          gboolean selected = tenure_chart_render_is_selected (render, (int) c, -1);
          double start, size;
          gboolean alone;

          if (!isfinite (value))
            continue;

          /* A value without neighbours draws no line: it needs its dot. */
          alone = (c == 0 || !isfinite (tenure_chart_data_get_value (data, s, c - 1))) &&
                  (c + 1 == n_categories ||
                   !isfinite (tenure_chart_data_get_value (data, s, c + 1)));
          if (!selected && !alone && c != last && (n_categories > MAX_DOTS || dashed))
            continue;

          tenure_chart_axes_band (&axes, c, &start, &size);
          draw_dot (render, start + size / 2, tenure_chart_axes_position (&axes, value),
                    selected ? 4.5 : 3, color);
        }
    }
  cairo_restore (cr);
}

static char *
tenure_line_chart_describe (TenureChart *chart)
{
  return tenure_chart_describe_trend (chart);
}

static void
tenure_line_chart_class_init (TenureLineChartClass *klass)
{
  TenureChartClass *chart_class = TENURE_CHART_CLASS (klass);

  chart_class->draw_plot = tenure_line_chart_draw_plot;
  chart_class->describe = tenure_line_chart_describe;
}

static void
tenure_line_chart_init (TenureLineChart *self)
{
  tenure_chart_set_legend_lines (TENURE_CHART (self), TRUE);
}

GtkWidget *
tenure_line_chart_new (void)
{
  return g_object_new (TENURE_TYPE_LINE_CHART, NULL);
}
