/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A column chart, side by side or stacked, with negative values hanging below zero. */

#define G_LOG_DOMAIN "tenure-column-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-chart-private.h"
#include "tenure-column-chart.h"

struct _TenureColumnChart
{
  TenureChart parent_instance;

  gboolean    stacked;
};

G_DEFINE_FINAL_TYPE (TenureColumnChart, tenure_column_chart, TENURE_TYPE_CHART)

enum {
  PROP_0,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The lowest and highest ends of the stacks: negatives pile down, positives up. */
static void
stacked_range (TenureChartData *data,
               double          *min,
               double          *max)
{
  guint n_categories = tenure_chart_data_get_n_categories (data);
  guint n_series = tenure_chart_data_get_n_series (data);

  *min = 0;
  *max = 0;
  for (guint c = 0; c < n_categories; c++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < n_series; s++)
        {
          double value = tenure_chart_data_get_value (data, s, c);

          if (!isfinite (value))
            continue;
          if (value >= 0)
            up += value;
          else
            down += value;
        }
      *min = MIN (*min, down);
      *max = MAX (*max, up);
    }
}

static void
fill_column (TenureChartRender     *render,
             const TenureChartAxes *axes,
             double                 x,
             double                 width,
             double                 from,
             double                 to,
             const GdkRGBA         *color)
{
  double y1 = round (tenure_chart_axes_position (axes, from));
  double y2 = round (tenure_chart_axes_position (axes, to));

  if (fabs (y1 - y2) < 1 && from != to)
    y2 = y1 + (to > from ? -1 : 1);

  tenure_chart_render_set_color (render, color, 1);
  cairo_rectangle (render->cr, round (x), MIN (y1, y2), MAX (1, round (width)), fabs (y1 - y2));
  cairo_fill (render->cr);
}

static void
tenure_column_chart_draw_plot (TenureChart           *chart,
                               TenureChartRender     *render,
                               const graphene_rect_t *area)
{
  TenureColumnChart *self = TENURE_COLUMN_CHART (chart);
  TenureChartData *data = render->data;
  guint n_categories = tenure_chart_data_get_n_categories (data);
  guint n_series = tenure_chart_data_get_n_series (data);
  double target = tenure_chart_data_get_target (data);
  TenureChartAxes axes;
  double min, max;

  if (self->stacked)
    stacked_range (data, &min, &max);
  else
    tenure_chart_data_get_range (data, &min, &max);
  if (isfinite (target))
    {
      min = MIN (min, target);
      max = MAX (max, target);
    }

  /* Columns always stand on zero. */
  min = MIN (min, 0);
  max = MAX (max, 0);

  tenure_chart_axes_layout (render, area, min, max, FALSE, 0, &axes);
  tenure_chart_axes_draw (render, &axes);

  for (guint c = 0; c < n_categories; c++)
    {
      double start, size, width, x;
      double up = 0, down = 0;

      tenure_chart_axes_band (&axes, c, &start, &size);
      tenure_chart_add_hit (render, &GRAPHENE_RECT_INIT (start, axes.plot.origin.y,
                                                         size, axes.plot.size.height),
                            (int) c, -1);

      width = MIN (size * 0.7, self->stacked ? 48 : 28 * n_series);
      x = start + (size - width) / 2;

      for (guint s = 0; s < n_series; s++)
        {
          double value = tenure_chart_data_get_value (data, s, c);
          const GdkRGBA *color = tenure_chart_render_series_color (render, s);

          if (!isfinite (value))
            continue;

          if (self->stacked)
            {
              double *base = value >= 0 ? &up : &down;

              fill_column (render, &axes, x, width, *base, *base + value, color);
              *base += value;
            }
          else
            {
              double column = width / n_series;
              double gap = n_series > 1 && column > 6 ? 1 : 0;

              fill_column (render, &axes, x + s * column + gap, column - 2 * gap, 0, value, color);
            }
        }
    }

  tenure_chart_draw_target (render, &axes);
}

static char *
tenure_column_chart_tooltip_text (TenureChart *chart,
                                  int          category,
                                  int          series)
{
  TenureColumnChart *self = TENURE_COLUMN_CHART (chart);
  TenureChartData *data = tenure_chart_get_data (chart);
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autofree char *net = NULL;
  guint n_series;
  double total = 0;
  gboolean any = FALSE;

  text = TENURE_CHART_CLASS (tenure_column_chart_parent_class)->tooltip_text (chart, category,
                                                                               series);
  if (text == NULL || !self->stacked || series >= 0)
    return g_steal_pointer (&text);

  n_series = tenure_chart_data_get_n_series (data);
  if (n_series < 2)
    return g_steal_pointer (&text);

  for (guint s = 0; s < n_series; s++)
    {
      double v = tenure_chart_data_get_value (data, s, (guint) category);

      if (isfinite (v))
        {
          total += v;
          any = TRUE;
        }
    }

  value = tenure_chart_data_format_value (data, any ? total : NAN, TENURE_FORMAT_SIGN,
                                          tenure_chart_get_language (chart));
  /* Translators: the sum of a stacked column, e.g. "Net: +1 200 €". */
  net = g_markup_printf_escaped (_("Net: %s"), value);
  return g_strdup_printf ("%s\n<b>%s</b>", text, net);
}

static void
tenure_column_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TenureColumnChart *self = TENURE_COLUMN_CHART (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_column_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TenureColumnChart *self = TENURE_COLUMN_CHART (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      tenure_column_chart_set_stacked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_column_chart_class_init (TenureColumnChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TenureChartClass *chart_class = TENURE_CHART_CLASS (klass);

  object_class->get_property = tenure_column_chart_get_property;
  object_class->set_property = tenure_column_chart_set_property;

  chart_class->draw_plot = tenure_column_chart_draw_plot;
  chart_class->tooltip_text = tenure_column_chart_tooltip_text;

  properties [PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenure_column_chart_init (TenureColumnChart *self)
{
}

GtkWidget *
tenure_column_chart_new (void)
{
  return g_object_new (TENURE_TYPE_COLUMN_CHART, NULL);
}

gboolean
tenure_column_chart_get_stacked (TenureColumnChart *self)
{
  g_return_val_if_fail (TENURE_IS_COLUMN_CHART (self), FALSE);

  return self->stacked;
}

/* Stacked: one column per category, series piled up (negatives below zero). */
void
tenure_column_chart_set_stacked (TenureColumnChart *self,
                                 gboolean           stacked)
{
  g_return_if_fail (TENURE_IS_COLUMN_CHART (self));

  stacked = !!stacked;
  if (self->stacked != stacked)
    {
      self->stacked = stacked;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STACKED]);
    }
}
