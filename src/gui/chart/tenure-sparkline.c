/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sparkline for KPI cards: the first series as a small line, no axes, the last point marked. */

#define G_LOG_DOMAIN "tenure-sparkline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-chart-private.h"
#include "tenure-sparkline.h"

#define INSET 3.0

struct _TenureSparkline
{
  TenureChart parent_instance;
};

G_DEFINE_FINAL_TYPE (TenureSparkline, tenure_sparkline, TENURE_TYPE_CHART)

static void
tenure_sparkline_draw_plot (TenureChart           *chart,
                            TenureChartRender     *render,
                            const graphene_rect_t *area)
{
  TenureChartData *data = render->data;
  guint n;
  const double *values = tenure_chart_data_get_values (data, 0, &n);
  const GdkRGBA *color = tenure_chart_render_series_color (render, 0);
  double left = area->origin.x + INSET;
  double top = area->origin.y + INSET;
  double width = area->size.width - 2 * INSET;
  double height = area->size.height - 2 * INSET;
  double min, max, step;
  double first_x = 0, last_x = 0, last_y = 0;
  gboolean started = FALSE;
  cairo_t *cr = render->cr;

  /* The line uses the whole height: a sparkline shows a shape, not a level. */
  if (!tenure_chart_range (values, n, &min, &max))
    return;
  if (max - min <= 0)
    {
      min -= 1;
      max += 1;
    }
  step = n > 1 ? width / (n - 1) : 0;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      tenure_chart_add_hit (render, &GRAPHENE_RECT_INIT (left + step * i - step / 2,
                                                         area->origin.y,
                                                         MAX (step, 1), area->size.height),
                            (int) i, 0);
      if (!isfinite (values[i]))
        continue;

      x = n > 1 ? left + step * i : left + width / 2;
      y = top + (1 - (values[i] - min) / (max - min)) * height;
      if (!started)
        {
          cairo_move_to (cr, x, y);
          first_x = x;
        }
      else
        cairo_line_to (cr, x, y);
      started = TRUE;
      last_x = x;
      last_y = y;
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 2 * render->palette.line_scale);
  tenure_chart_render_set_color (render, color, 1);
  cairo_stroke_preserve (cr);

  /* A faint area under the line. */
  cairo_line_to (cr, last_x, top + height);
  cairo_line_to (cr, first_x, top + height);
  cairo_close_path (cr);
  tenure_chart_render_set_color (render, color, 0.15);
  cairo_fill (cr);

  cairo_arc (cr, last_x, last_y, 3, 0, 2 * G_PI);
  tenure_chart_render_set_color (render, color, 1);
  cairo_fill (cr);
}

/* No title, legend or empty text: the card around it has them. */
static void
tenure_sparkline_draw (TenureChart *chart,
                       cairo_t     *cr,
                       int          width,
                       int          height)
{
  TenureChartRender render;
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, width, height);
  TenureChartData *data = tenure_chart_get_data (chart);

  tenure_chart_render_init (&render, chart, cr, width, height);

  if (data == NULL || tenure_chart_data_is_empty (data))
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (&render, "—",
                                                                  TENURE_CHART_TEXT_BODY);

      tenure_chart_render_text (&render, layout, width / 2.0, height / 2.0, 0.5, 0.5,
                                &render.palette.dim);
      return;
    }

  tenure_sparkline_draw_plot (chart, &render, &area);
}

static char *
tenure_sparkline_describe (TenureChart *chart)
{
  return tenure_chart_describe_trend (chart);
}

static void
tenure_sparkline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 40;
      *natural = 120;
    }
  else
    {
      *minimum = 20;
      *natural = 36;
    }
}

static void
tenure_sparkline_class_init (TenureSparklineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenureChartClass *chart_class = TENURE_CHART_CLASS (klass);

  widget_class->measure = tenure_sparkline_measure;

  chart_class->draw = tenure_sparkline_draw;
  chart_class->draw_plot = tenure_sparkline_draw_plot;
  chart_class->describe = tenure_sparkline_describe;
}

static void
tenure_sparkline_init (TenureSparkline *self)
{
  tenure_chart_set_show_legend (TENURE_CHART (self), FALSE);
}

GtkWidget *
tenure_sparkline_new (void)
{
  return g_object_new (TENURE_TYPE_SPARKLINE, NULL);
}
