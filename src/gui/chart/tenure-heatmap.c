/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A heatmap: one row per series (cohorts), one column per category (ages), values in cells.
 *
 * Missing cells stay empty. Flagged rows (small cohorts) get an italic label and a
 * mark that a note under the grid explains. */

#define G_LOG_DOMAIN "tenure-heatmap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-chart-private.h"
#include "tenure-heatmap.h"

#define CELL_GAP 2.0
#define MAX_ROW_HEIGHT 30.0
#define FLAG_SYMBOL "*"
#define FLAG_MARK " " FLAG_SYMBOL

struct _TenureHeatmap
{
  TenureChart  parent_instance;

  char        *flag_note;
};

G_DEFINE_FINAL_TYPE (TenureHeatmap, tenure_heatmap, TENURE_TYPE_CHART)

enum {
  PROP_0,
  PROP_FLAG_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Percentages are read against 0…100 %, anything else against its own range. */
static void
scale_range (TenureChartData *data,
             double          *low,
             double          *high)
{
  tenure_chart_data_get_range (data, low, high);

  if (tenure_chart_data_get_unit (data) == TENURE_UNIT_PERCENT)
    {
      *low = MIN (*low, 0);
      *high = MAX (*high, 100);
    }
  if (*high - *low <= 0)
    *high = *low + 1;
}

/* A light to strong blue ramp of GNOME's palette, reversed on the dark style so that
 * strong still means "more". */
static void
cell_color (TenureChartRender *render,
            double             fraction,
            GdkRGBA           *color)
{
  static const GdkRGBA light_low = { 0.91f, 0.94f, 0.98f, 1 };
  static const GdkRGBA light_high = { 0.10f, 0.37f, 0.71f, 1 };
  static const GdkRGBA dark_low = { 0.17f, 0.20f, 0.25f, 1 };
  static const GdkRGBA dark_high = { 0.21f, 0.52f, 0.89f, 1 };
  const GdkRGBA *low = render->palette.dark ? &dark_low : &light_low;
  const GdkRGBA *high = render->palette.dark ? &dark_high : &light_high;
  float t = (float) CLAMP (fraction, 0, 1);

  color->red = low->red + (high->red - low->red) * t;
  color->green = low->green + (high->green - low->green) * t;
  color->blue = low->blue + (high->blue - low->blue) * t;
  color->alpha = 1;
}

/* Dark text on light cells, white on strong ones. */
static GdkRGBA
text_color_on (const GdkRGBA *background)
{
  double luminance = 0.2126 * background->red + 0.7152 * background->green +
                     0.0722 * background->blue;

  if (luminance > 0.5)
    return (GdkRGBA) { 0, 0, 0, 0.8f };
  return (GdkRGBA) { 1, 1, 1, 1 };
}

static char *
cell_text (TenureChartData *data,
           double           value,
           TenureLanguage   language)
{
  if (tenure_chart_data_get_unit (data) == TENURE_UNIT_PERCENT)
    return tenure_format_percent (value, 0, TENURE_FORMAT_NONE, language);

  return tenure_chart_data_format_value (data, value, TENURE_FORMAT_COMPACT, language);
}

/* Inside a cell there is room for the number only: the scale says it is a percentage. */
static char *
cell_label (TenureChartData *data,
            double           value,
            TenureLanguage   language)
{
  if (tenure_chart_data_get_unit (data) == TENURE_UNIT_PERCENT)
    return tenure_format_number (value, 0, TENURE_FORMAT_NONE, language);

  return cell_text (data, value, language);
}

static char *
row_label (TenureChartData *data,
           guint            row)
{
  const char *name = tenure_chart_data_get_series_name (data, row);

  if (tenure_chart_data_get_series_flagged (data, row))
    return g_strconcat (name, FLAG_MARK, NULL);
  return g_strdup (name);
}

static PangoLayout *
row_layout (TenureChartRender *render,
            guint              row)
{
  g_autofree char *label = row_label (render->data, row);
  PangoLayout *layout = tenure_chart_render_layout (render, label, TENURE_CHART_TEXT_LABEL);

  if (tenure_chart_data_get_series_flagged (render->data, row))
    {
      g_autoptr(PangoFontDescription) font = NULL;

      font = pango_font_description_copy (pango_layout_get_font_description (layout));
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (layout, font);
    }

  return layout;
}

static gboolean
any_flagged (TenureChartData *data)
{
  guint n = tenure_chart_data_get_n_series (data);

  for (guint i = 0; i < n; i++)
    if (tenure_chart_data_get_series_flagged (data, i))
      return TRUE;

  return FALSE;
}

static void
draw_scale (TenureChartRender *render,
            double             x,
            double             y,
            double             width,
            double             height,
            double             low,
            double             high)
{
  g_autofree char *low_text = cell_text (render->data, low, render->language);
  g_autofree char *high_text = cell_text (render->data, high, render->language);
  g_autoptr(PangoLayout) low_layout = tenure_chart_render_layout (render, low_text,
                                                                  TENURE_CHART_TEXT_SMALL);
  g_autoptr(PangoLayout) high_layout = tenure_chart_render_layout (render, high_text,
                                                                   TENURE_CHART_TEXT_SMALL);
  double low_width, high_width;
  double bar_x, bar_width;
  cairo_t *cr = render->cr;

  tenure_chart_layout_size (low_layout, &low_width, NULL);
  tenure_chart_layout_size (high_layout, &high_width, NULL);
  bar_x = x + low_width + 6;
  bar_width = width - low_width - high_width - 12;
  if (bar_width < 24)
    return;

  for (int i = 0; i < 32; i++)
    {
      GdkRGBA color;

      cell_color (render, i / 31.0, &color);
      tenure_chart_render_set_color (render, &color, 1);
      cairo_rectangle (cr, bar_x + bar_width * i / 32, y + height / 2 - 4,
                       ceil (bar_width / 32), 8);
      cairo_fill (cr);
    }

  tenure_chart_render_text (render, low_layout, x, y + height / 2, 0, 0.5, &render->palette.dim);
  tenure_chart_render_text (render, high_layout, bar_x + bar_width + 6, y + height / 2, 0, 0.5,
                            &render->palette.dim);
}

static void
tenure_heatmap_draw_plot (TenureChart           *chart,
                          TenureChartRender     *render,
                          const graphene_rect_t *area)
{
  TenureHeatmap *self = TENURE_HEATMAP (chart);
  TenureChartData *data = render->data;
  guint n_columns = tenure_chart_data_get_n_categories (data);
  guint n_rows = tenure_chart_data_get_n_series (data);
  const char *x_title = tenure_chart_get_x_title (chart);
  const char *y_title = tenure_chart_get_y_title (chart);
  double line_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_LABEL);
  double label_width = 0;
  double top = area->origin.y;
  double bottom = area->origin.y + area->size.height;
  double left, cell_width, row_height;
  double low, high;
  gboolean flagged = any_flagged (data);
  guint label_every = 1;
  double previous_right = -G_MAXDOUBLE;

  scale_range (data, &low, &high);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(PangoLayout) layout = row_layout (render, r);
      double width;

      tenure_chart_layout_size (layout, &width, NULL);
      label_width = MAX (label_width, width);
    }
  if (y_title != NULL)
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, y_title,
                                                                  TENURE_CHART_TEXT_LABEL);
      double width;

      tenure_chart_layout_size (layout, &width, NULL);
      label_width = MAX (label_width, width);
    }
  label_width = MIN (label_width, area->size.width * 0.3);
  left = area->origin.x + label_width + 8;

  /* Column title, column headers; scale and note below. */
  if (x_title != NULL)
    top += line_height + 2;
  top += line_height + 4;
  bottom -= line_height + 6;
  if (flagged && self->flag_note != NULL)
    bottom -= line_height;

  cell_width = (area->origin.x + area->size.width - left) / MAX (1, n_columns);
  row_height = MIN (MAX_ROW_HEIGHT, (bottom - top) / MAX (1, n_rows));
  if (row_height < 4 || cell_width < 4)
    return;

  if (x_title != NULL)
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, x_title,
                                                                  TENURE_CHART_TEXT_LABEL);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout,
                              (int) ((area->origin.x + area->size.width - left) * PANGO_SCALE));
      tenure_chart_render_text (render, layout, left, area->origin.y, 0, 0, &render->palette.dim);
    }

  if (y_title != NULL)
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, y_title,
                                                                  TENURE_CHART_TEXT_LABEL);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
      tenure_chart_render_text (render, layout, area->origin.x, top - 4, 0, 1,
                                &render->palette.dim);
    }

  /* Column headers, thinned when they would touch. */
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double width;

      layout = tenure_chart_render_layout (render, tenure_chart_data_get_category (data, c),
                                           TENURE_CHART_TEXT_LABEL);
      tenure_chart_layout_size (layout, &width, NULL);
      label_every = MAX (label_every, (guint) ceil ((width + 8) / cell_width));
    }
  for (guint c = 0; c < n_columns; c += label_every)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double width, x;

      layout = tenure_chart_render_layout (render, tenure_chart_data_get_category (data, c),
                                           TENURE_CHART_TEXT_LABEL);
      tenure_chart_layout_size (layout, &width, NULL);
      x = left + c * cell_width + cell_width / 2 - width / 2;
      if (x < previous_right + 4)
        continue;
      tenure_chart_render_text (render, layout, x, top - 4, 0, 1, &render->palette.dim);
      previous_right = x + width;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      double y = top + r * row_height;
      g_autoptr(PangoLayout) layout = row_layout (render, r);
      gboolean small = tenure_chart_data_get_series_flagged (data, r);

      if (row_height >= line_height * 0.8 || r % (guint) ceil (line_height / row_height) == 0)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
          pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
          tenure_chart_render_text (render, layout, area->origin.x, y + row_height / 2, 0, 0.5,
                                    small ? &render->palette.dim : &render->palette.foreground);
        }

      for (guint c = 0; c < n_columns; c++)
        {
          double value = tenure_chart_data_get_value (data, r, c);
          double x = left + c * cell_width;
          graphene_rect_t cell;
          GdkRGBA color;

          if (!isfinite (value))
            continue;

          cell = GRAPHENE_RECT_INIT (x + CELL_GAP / 2, y + CELL_GAP / 2,
                                     cell_width - CELL_GAP, row_height - CELL_GAP);
          cell_color (render, (value - low) / (high - low), &color);
          tenure_chart_render_set_color (render, &color, 1);
          cairo_rectangle (render->cr, cell.origin.x, cell.origin.y,
                           cell.size.width, cell.size.height);
          cairo_fill (render->cr);
          tenure_chart_add_hit (render, &cell, (int) c, (int) r);

          if (row_height >= line_height * 0.9)
            {
              g_autofree char *text = cell_label (data, value, render->language);
              g_autoptr(PangoLayout) value_layout = NULL;
              GdkRGBA text_color = text_color_on (&color);
              double width;

              value_layout = tenure_chart_render_layout (render, text, TENURE_CHART_TEXT_TINY);
              tenure_chart_layout_size (value_layout, &width, NULL);
              if (width <= cell.size.width - 4)
                tenure_chart_render_text (render, value_layout,
                                          cell.origin.x + cell.size.width / 2,
                                          cell.origin.y + cell.size.height / 2, 0.5, 0.5,
                                          &text_color);
            }
        }
    }

  /* The colour scale, and what the mark on small rows means. */
  {
    double y = top + n_rows * row_height + 6;
    double grid_width = area->origin.x + area->size.width - left;

    draw_scale (render, left, y, MIN (200, grid_width), line_height, low, high);

    if (flagged && self->flag_note != NULL)
      {
        g_autofree char *note = g_strconcat (FLAG_SYMBOL " ", self->flag_note, NULL);
        g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, note,
                                                                    TENURE_CHART_TEXT_SMALL);

        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        pango_layout_set_width (layout, (int) ((area->size.width) * PANGO_SCALE));
        tenure_chart_render_text (render, layout, area->origin.x, y + line_height + 2, 0, 0,
                                  &render->palette.dim);
      }
  }
}

static char *
tenure_heatmap_tooltip_text (TenureChart *chart,
                             int          category,
                             int          series)
{
  TenureHeatmap *self = TENURE_HEATMAP (chart);
  TenureChartData *data = tenure_chart_get_data (chart);
  const char *x_title = tenure_chart_get_x_title (chart);
  g_autofree char *value = NULL;
  g_autofree char *column = NULL;
  GString *text;

  if (data == NULL || series < 0 || category < 0)
    return NULL;

  value = tenure_chart_data_format_value (data,
                                          tenure_chart_data_get_value (data, (guint) series,
                                                                       (guint) category),
                                          TENURE_FORMAT_NONE, tenure_chart_get_language (chart));
  if (x_title != NULL)
    column = g_strdup_printf ("%s %s", x_title,
                              tenure_chart_data_get_category (data, (guint) category));
  else
    column = g_strdup (tenure_chart_data_get_category (data, (guint) category));

  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b>",
                          tenure_chart_data_get_series_name (data, (guint) series));
  g_string_append_printf (text, "\n%s: %s", column, value);
  if (tenure_chart_data_get_series_flagged (data, (guint) series) && self->flag_note != NULL)
    {
      g_autofree char *note = g_markup_escape_text (self->flag_note, -1);

      g_string_append_printf (text, "\n<i>%s</i>", note);
    }

  return g_string_free (text, FALSE);
}

/* Row by row: "Jan 2026: 100 %, 100 %, 50 %, 50 %; Feb 2026 (small): …". */
static char *
tenure_heatmap_describe (TenureChart *chart)
{
  TenureChartData *data = tenure_chart_get_data (chart);
  TenureLanguage language = tenure_chart_get_language (chart);
  const char *title = tenure_chart_get_title (chart);
  GString *text = g_string_new (NULL);
  guint n_rows, n_columns;

  if (title != NULL)
    g_string_append_printf (text, "%s. ", title);

  if (data == NULL || tenure_chart_data_is_empty (data))
    {
      g_string_append (text, tenure_chart_get_empty_text (chart));
      return g_string_free (text, FALSE);
    }

  n_rows = tenure_chart_data_get_n_series (data);
  n_columns = tenure_chart_data_get_n_categories (data);
  for (guint r = 0; r < n_rows; r++)
    {
      gboolean first = TRUE;
      guint end = 0;

      g_string_append (text, tenure_chart_data_get_series_name (data, r));
      if (tenure_chart_data_get_series_flagged (data, r))
        /* Translators: after a cohort's name in the accessible description. */
        g_string_append_printf (text, " (%s)", _("small"));
      g_string_append (text, ": ");

      /* Missing cells say so, except after the row's last figure (ages not reached). */
      for (guint c = 0; c < n_columns; c++)
        if (isfinite (tenure_chart_data_get_value (data, r, c)))
          end = c + 1;

      for (guint c = 0; c < end; c++)
        {
          double value = tenure_chart_data_get_value (data, r, c);
          g_autofree char *formatted = NULL;

          formatted = isfinite (value) ? cell_text (data, value, language) : g_strdup ("—");
          g_string_append_printf (text, "%s%s", first ? "" : ", ", formatted);
          first = FALSE;
        }
      g_string_append (text, r + 1 < n_rows ? "; " : ".");
    }

  return g_string_free (text, FALSE);
}

static void
tenure_heatmap_finalize (GObject *object)
{
  TenureHeatmap *self = (TenureHeatmap *)object;

  g_clear_pointer (&self->flag_note, g_free);

  G_OBJECT_CLASS (tenure_heatmap_parent_class)->finalize (object);
}

static void
tenure_heatmap_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TenureHeatmap *self = TENURE_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_FLAG_NOTE:
      g_value_set_string (value, self->flag_note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_heatmap_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TenureHeatmap *self = TENURE_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_FLAG_NOTE:
      tenure_heatmap_set_flag_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_heatmap_class_init (TenureHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TenureChartClass *chart_class = TENURE_CHART_CLASS (klass);

  object_class->finalize = tenure_heatmap_finalize;
  object_class->get_property = tenure_heatmap_get_property;
  object_class->set_property = tenure_heatmap_set_property;

  chart_class->draw_plot = tenure_heatmap_draw_plot;
  chart_class->tooltip_text = tenure_heatmap_tooltip_text;
  chart_class->describe = tenure_heatmap_describe;

  properties [PROP_FLAG_NOTE] =
    g_param_spec_string ("flag-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenure_heatmap_init (TenureHeatmap *self)
{
  self->flag_note = g_strdup (_("Small cohort: fewer than 10 accounts"));
  tenure_chart_set_show_legend (TENURE_CHART (self), FALSE);
}

GtkWidget *
tenure_heatmap_new (void)
{
  return g_object_new (TENURE_TYPE_HEATMAP, NULL);
}

const char *
tenure_heatmap_get_flag_note (TenureHeatmap *self)
{
  g_return_val_if_fail (TENURE_IS_HEATMAP (self), NULL);

  return self->flag_note;
}

/* What a flagged row means, written under the grid when one is shown. */
void
tenure_heatmap_set_flag_note (TenureHeatmap *self,
                              const char    *flag_note)
{
  g_return_if_fail (TENURE_IS_HEATMAP (self));

  if (g_strcmp0 (self->flag_note, flag_note) != 0)
    {
      g_free (self->flag_note);
      self->flag_note = g_strdup (flag_note);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FLAG_NOTE]);
    }
}
