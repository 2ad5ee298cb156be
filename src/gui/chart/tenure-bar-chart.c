/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A horizontal bar chart, one row per category; diverging: two series either side of a centre.
 *
 * The diverging form compares two groups option by option (the qualification audit's
 * "share in the top group" against "share in the bottom group"): the first series
 * grows to the left of the centre line, the second to the right, on the same scale. */

#define G_LOG_DOMAIN "tenure-bar-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tenure-bar-chart.h"
#include "tenure-chart-private.h"

#define VALUE_GAP 4.0

struct _TenureBarChart
{
  TenureChart parent_instance;

  gboolean    diverging;
};

G_DEFINE_FINAL_TYPE (TenureBarChart, tenure_bar_chart, TENURE_TYPE_CHART)

enum {
  PROP_0,
  PROP_DIVERGING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static double
widest_value (TenureChartRender *render,
              guint              max_series)
{
  guint n_categories = tenure_chart_data_get_n_categories (render->data);
  guint n_series = MIN (max_series, tenure_chart_data_get_n_series (render->data));
  double widest = 0;

  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < n_categories; c++)
      {
        double value = tenure_chart_data_get_value (render->data, s, c);
        g_autofree char *text = NULL;
        g_autoptr(PangoLayout) layout = NULL;
        double width;

        if (!isfinite (value))
          continue;

        text = tenure_chart_render_format (render, value, TENURE_FORMAT_NONE);
        layout = tenure_chart_render_layout (render, text, TENURE_CHART_TEXT_SMALL);
        tenure_chart_layout_size (layout, &width, NULL);
        widest = MAX (widest, width);
      }

  return widest;
}

/* A bar from @from to @to along x, with its figure written past its end. */
static void
draw_bar (TenureChartRender *render,
          double             from,
          double             to,
          double             y,
          double             thickness,
          double             value,
          const GdkRGBA     *color,
          gboolean           show_value)
{
  double left = round (MIN (from, to));
  double right = round (MAX (from, to));
  cairo_t *cr = render->cr;

  if (right - left < 1 && value != 0)
    right = left + 1;

  tenure_chart_render_set_color (render, color, 1);
  cairo_rectangle (cr, left, round (y), right - left, MAX (1, round (thickness)));
  cairo_fill (cr);

  if (show_value)
    {
      g_autofree char *text = tenure_chart_render_format (render, value, TENURE_FORMAT_NONE);
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, text,
                                                                  TENURE_CHART_TEXT_SMALL);

      if (to >= from)
        tenure_chart_render_text (render, layout, right + VALUE_GAP, y + thickness / 2, 0, 0.5,
                                  &render->palette.foreground);
      else
        tenure_chart_render_text (render, layout, left - VALUE_GAP, y + thickness / 2, 1, 0.5,
                                  &render->palette.foreground);
    }
}

static void
draw_bars (TenureChart           *chart,
           TenureChartRender     *render,
           const graphene_rect_t *area)
{
  TenureChartData *data = render->data;
  guint n_categories = tenure_chart_data_get_n_categories (data);
  guint n_series = tenure_chart_data_get_n_series (data);
  double line_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_SMALL);
  TenureChartAxes axes;
  double min, max;

  tenure_chart_data_get_range (data, &min, &max);
  min = MIN (min, 0);
  max = MAX (max, 0);

  tenure_chart_axes_layout (render, area, min, max, TRUE,
                            widest_value (render, G_MAXUINT) + VALUE_GAP, &axes);
  tenure_chart_axes_draw (render, &axes);

  for (guint c = 0; c < n_categories; c++)
    {
      double start, size, thickness, y;
      double zero = tenure_chart_axes_position (&axes, 0);

      tenure_chart_axes_band (&axes, c, &start, &size);
      tenure_chart_add_hit (render, &GRAPHENE_RECT_INIT (axes.area.origin.x, start,
                                                         axes.area.size.width, size),
                            (int) c, -1);

      thickness = MIN (size * 0.7, 22.0 * n_series) / n_series;
      y = start + (size - thickness * n_series) / 2;

      for (guint s = 0; s < n_series; s++)
        {
          double value = tenure_chart_data_get_value (data, s, c);

          if (!isfinite (value))
            continue;

          draw_bar (render, zero, tenure_chart_axes_position (&axes, value),
                    y + s * thickness, thickness - (n_series > 1 ? 1 : 0), value,
                    tenure_chart_render_series_color (render, s),
                    thickness >= line_height * 0.8);
        }
    }
}

static void
draw_diverging (TenureChart           *chart,
                TenureChartRender     *render,
                const graphene_rect_t *area)
{
  TenureChartData *data = render->data;
  guint n_categories = tenure_chart_data_get_n_categories (data);
  double line_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_LABEL);
  double value_width = widest_value (render, 2) + VALUE_GAP;
  double label_width = 0;
  TenureChartAxes axes;
  double largest = 0;
  double left, right, centre, half;
  guint intervals;
  cairo_t *cr = render->cr;

  for (guint s = 0; s < 2; s++)
    for (guint c = 0; c < n_categories; c++)
      {
        double value = tenure_chart_data_get_value (data, s, c);

        if (isfinite (value))
          largest = MAX (largest, fabs (value));
      }

  /* The category labels, then the left half, the centre, the right half. */
  memset (&axes, 0, sizeof axes);
  tenure_chart_axes_layout (render, area, 0, largest, TRUE, 0, &axes);
  /* Both halves share one scale that rarely needs the whole width: labels may take more. */
  for (guint c = 0; c < n_categories; c++)
    {
      const char *category = tenure_chart_data_get_category (data, c);
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, category,
                                                                  TENURE_CHART_TEXT_LABEL);
      double width;

      tenure_chart_layout_size (layout, &width, NULL);
      label_width = MAX (label_width, width);
    }
  label_width = MIN (label_width, area->size.width * 0.45);
  left = area->origin.x + label_width + 8 + value_width;
  right = area->origin.x + area->size.width - value_width;
  centre = round ((left + right) / 2);
  half = MAX (1, (right - left) / 2);

  intervals = (guint) CLAMP (half / 90, 1, 4);
  tenure_ticks_compute (0, largest, intervals, TRUE, &axes.ticks);

  for (guint i = 0; i < axes.ticks.n_ticks; i++)
    {
      double value = tenure_ticks_value (&axes.ticks, i);
      double offset = axes.ticks.last > 0 ? value / axes.ticks.last * half : 0;
      g_autofree char *text = tenure_format_axis_value (value, axes.ticks.step,
                                                        tenure_chart_data_get_unit (data),
                                                        tenure_chart_data_get_currency (data),
                                                        render->language);

      for (int side = -1; side <= 1; side += 2)
        {
          double x = round (centre + side * offset) + 0.5;
          g_autoptr(PangoLayout) layout = NULL;

          if (value == 0 && side > 0)
            continue;

          cairo_save (cr);
          tenure_chart_render_set_color (render, value == 0 ? &render->palette.axis
                                                            : &render->palette.grid, 1);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x, axes.plot.origin.y);
          cairo_line_to (cr, x, axes.plot.origin.y + axes.plot.size.height);
          cairo_stroke (cr);
          cairo_restore (cr);

          layout = tenure_chart_render_layout (render, text, TENURE_CHART_TEXT_LABEL);
          tenure_chart_render_text (render, layout, x,
                                    axes.plot.origin.y + axes.plot.size.height + 4, 0.5, 0,
                                    &render->palette.dim);
        }
    }

  for (guint c = 0; c < n_categories; c++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double start, size, thickness;

      tenure_chart_axes_band (&axes, c, &start, &size);
      tenure_chart_add_hit (render, &GRAPHENE_RECT_INIT (area->origin.x, start,
                                                         area->size.width, size),
                            (int) c, -1);

      if (c % axes.label_every == 0)
        {
          layout = tenure_chart_render_layout (render, tenure_chart_data_get_category (data, c),
                                               TENURE_CHART_TEXT_LABEL);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
          if (axes.category_lines > 1)
            {
              pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_height (layout, -(int) axes.category_lines);
            }
          tenure_chart_render_text (render, layout, area->origin.x, start + size / 2, 0, 0.5,
                                    &render->palette.foreground);
        }

      thickness = MIN (size * 0.7, 22);
      for (guint s = 0; s < 2; s++)
        {
          double value = tenure_chart_data_get_value (data, s, c);
          double offset;

          if (!isfinite (value))
            continue;

          offset = axes.ticks.last > 0 ? fabs (value) / axes.ticks.last * half : 0;
          draw_bar (render, centre, s == 0 ? centre - offset : centre + offset,
                    start + (size - thickness) / 2, thickness, value,
                    tenure_chart_render_series_color (render, s),
                    thickness >= line_height * 0.7);
        }
    }

  if (tenure_chart_get_x_title (chart) != NULL)
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render,
                                                                  tenure_chart_get_x_title (chart),
                                                                  TENURE_CHART_TEXT_LABEL);

      double width;

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (area->size.width * PANGO_SCALE));
      tenure_chart_layout_size (layout, &width, NULL);
      tenure_chart_render_text (render, layout,
                                CLAMP (centre, area->origin.x + width / 2,
                                       area->origin.x + area->size.width - width / 2),
                                area->origin.y + area->size.height, 0.5, 1, &render->palette.dim);
    }
}

static void
tenure_bar_chart_draw_plot (TenureChart           *chart,
                            TenureChartRender     *render,
                            const graphene_rect_t *area)
{
  TenureBarChart *self = TENURE_BAR_CHART (chart);

  if (self->diverging && tenure_chart_data_get_n_series (render->data) >= 2)
    draw_diverging (chart, render, area);
  else
    draw_bars (chart, render, area);
}

static void
tenure_bar_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TenureBarChart *self = TENURE_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_DIVERGING:
      g_value_set_boolean (value, self->diverging);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_bar_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TenureBarChart *self = TENURE_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_DIVERGING:
      tenure_bar_chart_set_diverging (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_bar_chart_class_init (TenureBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TenureChartClass *chart_class = TENURE_CHART_CLASS (klass);

  object_class->get_property = tenure_bar_chart_get_property;
  object_class->set_property = tenure_bar_chart_set_property;

  chart_class->draw_plot = tenure_bar_chart_draw_plot;

  properties [PROP_DIVERGING] =
    g_param_spec_boolean ("diverging", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenure_bar_chart_init (TenureBarChart *self)
{
}

GtkWidget *
tenure_bar_chart_new (void)
{
  return g_object_new (TENURE_TYPE_BAR_CHART, NULL);
}

gboolean
tenure_bar_chart_get_diverging (TenureBarChart *self)
{
  g_return_val_if_fail (TENURE_IS_BAR_CHART (self), FALSE);

  return self->diverging;
}

/* Diverging: the first two series either side of a centre line (needs two series). */
void
tenure_bar_chart_set_diverging (TenureBarChart *self,
                                gboolean        diverging)
{
  g_return_if_fail (TENURE_IS_BAR_CHART (self));

  diverging = !!diverging;
  if (self->diverging != diverging)
    {
      self->diverging = diverging;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIVERGING]);
    }
}
