/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing shared by every chart: colours, text, legend and the axis engine, all in Cairo. */

#define G_LOG_DOMAIN "tenure-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tenure-chart-private.h"

#define TICK_GAP 8.0
#define LABEL_GAP 12.0

typedef struct
{
  const char *name;
  const char *fallback;
} NamedColor;

/* GNOME's palette (libadwaita's named colours): darker shades on the light style,
 * lighter ones on the dark style, so lines and bars keep their contrast on both. */
static const NamedColor light_roles[TENURE_CHART_N_COLORS] = {
  [TENURE_CHART_COLOR_AUTO] = { "blue_4", "#1c71d8" },
  [TENURE_CHART_COLOR_BLUE] = { "blue_4", "#1c71d8" },
  [TENURE_CHART_COLOR_GREEN] = { "green_5", "#26a269" },
  [TENURE_CHART_COLOR_RED] = { "red_3", "#e01b24" },
  [TENURE_CHART_COLOR_YELLOW] = { "yellow_5", "#e5a50a" },
  [TENURE_CHART_COLOR_ORANGE] = { "orange_4", "#e66100" },
  [TENURE_CHART_COLOR_PURPLE] = { "purple_3", "#9141ac" },
  [TENURE_CHART_COLOR_BROWN] = { "brown_3", "#986a44" },
  [TENURE_CHART_COLOR_NEUTRAL] = { "dark_1", "#77767b" },
};

static const NamedColor dark_roles[TENURE_CHART_N_COLORS] = {
  [TENURE_CHART_COLOR_AUTO] = { "blue_2", "#62a0ea" },
  [TENURE_CHART_COLOR_BLUE] = { "blue_2", "#62a0ea" },
  [TENURE_CHART_COLOR_GREEN] = { "green_3", "#33d17a" },
  [TENURE_CHART_COLOR_RED] = { "red_1", "#f66151" },
  [TENURE_CHART_COLOR_YELLOW] = { "yellow_3", "#f6d32d" },
  [TENURE_CHART_COLOR_ORANGE] = { "orange_2", "#ffa348" },
  [TENURE_CHART_COLOR_PURPLE] = { "purple_1", "#dc8add" },
  [TENURE_CHART_COLOR_BROWN] = { "brown_1", "#cdab8f" },
  [TENURE_CHART_COLOR_NEUTRAL] = { "light_5", "#9a9996" },
};

/* High contrast: the darkest shades on the light style and the lightest on the dark one,
 * each at least 3:1 against the background (WCAG for graphics). Hex only: libadwaita's
 * named colours are the same in high contrast. */
static const NamedColor light_hc_roles[TENURE_CHART_N_COLORS] = {
  [TENURE_CHART_COLOR_AUTO] = { NULL, "#1a5fb4" },
  [TENURE_CHART_COLOR_BLUE] = { NULL, "#1a5fb4" },
  [TENURE_CHART_COLOR_GREEN] = { NULL, "#1e7a4a" },
  [TENURE_CHART_COLOR_RED] = { NULL, "#a51d2d" },
  [TENURE_CHART_COLOR_YELLOW] = { NULL, "#8a5c00" },
  [TENURE_CHART_COLOR_ORANGE] = { NULL, "#c64600" },
  [TENURE_CHART_COLOR_PURPLE] = { NULL, "#613583" },
  [TENURE_CHART_COLOR_BROWN] = { NULL, "#63452c" },
  [TENURE_CHART_COLOR_NEUTRAL] = { NULL, "#3d3846" },
};

static const NamedColor dark_hc_roles[TENURE_CHART_N_COLORS] = {
  [TENURE_CHART_COLOR_AUTO] = { NULL, "#99c1f1" },
  [TENURE_CHART_COLOR_BLUE] = { NULL, "#99c1f1" },
  [TENURE_CHART_COLOR_GREEN] = { NULL, "#8ff0a4" },
  [TENURE_CHART_COLOR_RED] = { NULL, "#ff7b63" },
  [TENURE_CHART_COLOR_YELLOW] = { NULL, "#f8e45c" },
  [TENURE_CHART_COLOR_ORANGE] = { NULL, "#ffbe6f" },
  [TENURE_CHART_COLOR_PURPLE] = { NULL, "#dc8add" },
  [TENURE_CHART_COLOR_BROWN] = { NULL, "#cdab8f" },
  [TENURE_CHART_COLOR_NEUTRAL] = { NULL, "#deddda" },
};

/* Series without a colour of their own take these, in order. */
static const TenureChartColor auto_sequence[] = {
  TENURE_CHART_COLOR_BLUE,
  TENURE_CHART_COLOR_ORANGE,
  TENURE_CHART_COLOR_PURPLE,
  TENURE_CHART_COLOR_GREEN,
  TENURE_CHART_COLOR_BROWN,
  TENURE_CHART_COLOR_YELLOW,
};

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

void
tenure_chart_palette_init (TenureChart        *self,
                           TenureChartPalette *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  AdwStyleManager *style = adw_style_manager_get_default ();
  const NamedColor *roles;

  palette->dark = adw_style_manager_get_dark (style);
  palette->high_contrast = adw_style_manager_get_high_contrast (style);
  if (palette->high_contrast)
    roles = palette->dark ? dark_hc_roles : light_hc_roles;
  else
    roles = palette->dark ? dark_roles : light_roles;

  gtk_style_context_get_color (context, &palette->foreground);
  lookup_color (context, "window_bg_color", palette->dark ? "#242424" : "#fafafa",
                &palette->background);
  lookup_color (context, "accent_color", palette->dark ? "#78aeed" : "#1c71d8",
                &palette->accent);

  for (guint i = 0; i < TENURE_CHART_N_COLORS; i++)
    lookup_color (context, roles[i].name, roles[i].fallback, &palette->roles[i]);

  /* High contrast: opaque text and axes, a visible grid, thicker lines. */
  palette->line_scale = palette->high_contrast ? 1.5 : 1;
  palette->dim = palette->foreground;
  palette->grid = palette->foreground;
  palette->axis = palette->foreground;
  if (palette->high_contrast)
    {
      palette->foreground.alpha = 1;
      palette->dim.alpha = 1;
      palette->grid.alpha = 0.3f;
      palette->axis.alpha = 1;
    }
  else
    {
      palette->dim.alpha *= 0.7f;
      palette->grid.alpha *= palette->dark ? 0.12f : 0.1f;
      palette->axis.alpha *= 0.4f;
    }
}
G_GNUC_END_IGNORE_DEPRECATIONS

void
tenure_chart_render_set_color (TenureChartRender *render,
                               const GdkRGBA     *color,
                               double             alpha)
{
  cairo_set_source_rgba (render->cr, color->red, color->green, color->blue,
                         color->alpha * alpha);
}

const GdkRGBA *
tenure_chart_render_role_color (TenureChartRender *render,
                                TenureChartColor   role)
{
  return &render->palette.roles[role];
}

const GdkRGBA *
tenure_chart_render_series_color (TenureChartRender *render,
                                  guint              series)
{
  TenureChartColor role = tenure_chart_data_get_series_color (render->data, series);

  if (role == TENURE_CHART_COLOR_AUTO)
    role = auto_sequence[series % G_N_ELEMENTS (auto_sequence)];

  return &render->palette.roles[role];
}

PangoLayout *
tenure_chart_render_layout (TenureChartRender *render,
                            const char        *text,
                            TenureChartText    style)
{
  GtkWidget *widget = GTK_WIDGET (render->chart);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = NULL;
  int size;

  font = pango_font_description_copy (pango_context_get_font_description (context));
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 11 * PANGO_SCALE;

  switch (style)
    {
    case TENURE_CHART_TEXT_TITLE:
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case TENURE_CHART_TEXT_LABEL:
      size = size * 9 / 10;
      break;
    case TENURE_CHART_TEXT_SMALL:
      size = size * 17 / 20;
      break;
    case TENURE_CHART_TEXT_TINY:
      size = size * 3 / 4;
      break;
    case TENURE_CHART_TEXT_BODY:
    default:
      break;
    }

  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size);
  else
    pango_font_description_set_size (font, size);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
tenure_chart_layout_size (PangoLayout *layout,
                          double      *width,
                          double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Draws @layout with its point (xalign, yalign) of its box at (@x, @y). */
void
tenure_chart_render_text (TenureChartRender *render,
                          PangoLayout       *layout,
                          double             x,
                          double             y,
                          double             xalign,
                          double             yalign,
                          const GdkRGBA     *color)
{
  PangoRectangle logical;
  double width, height;

  /* The logical box may not start at the layout's origin (right-aligned or
   * ellipsized text): place the box, not the origin. */
  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;
  tenure_chart_render_set_color (render, color, 1);
  cairo_move_to (render->cr,
                 round (x - width * xalign - (double) logical.x / PANGO_SCALE),
                 round (y - height * yalign - (double) logical.y / PANGO_SCALE));
  pango_cairo_show_layout (render->cr, layout);
}

double
tenure_chart_render_line_height (TenureChartRender *render,
                                 TenureChartText    style)
{
  g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, "Ág", style);
  double height;

  tenure_chart_layout_size (layout, NULL, &height);
  return height;
}

char *
tenure_chart_render_format (TenureChartRender *render,
                            double             value,
                            TenureFormatFlags  flags)
{
  return tenure_chart_data_format_value (render->data, value, flags, render->language);
}

void
tenure_chart_add_hit (TenureChartRender     *render,
                      const graphene_rect_t *rect,
                      int                    category,
                      int                    series)
{
  TenureChartHit hit = { *rect, category, series };

  if (render->record_hits)
    g_array_append_val (tenure_chart_get_hits (render->chart), hit);
}

/* TRUE when the keyboard highlights this item, so the subclass can emphasise it. */
gboolean
tenure_chart_render_is_selected (TenureChartRender *render,
                                 int                category,
                                 int                series)
{
  GArray *hits = tenure_chart_get_hits (render->chart);
  int selected = tenure_chart_get_selected (render->chart);
  const TenureChartHit *hit;

  if (!render->record_hits || selected < 0 || (guint) selected >= hits->len)
    return FALSE;

  hit = &g_array_index (hits, TenureChartHit, selected);
  return hit->category == category && (hit->series == series || hit->series < 0);
}

/* Legend entries flow left to right and wrap; @area shrinks by the room they take. */
void
tenure_chart_draw_legend (TenureChartRender *render,
                          graphene_rect_t   *area)
{
  TenureChartData *data = render->data;
  gboolean lines = tenure_chart_get_legend_lines (render->chart);
  double line_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_LABEL);
  double target = tenure_chart_data_get_target (data);
  guint n_series = tenure_chart_data_get_n_series (data);
  guint n_items = n_series + (isfinite (target) ? 1 : 0);
  double swatch = lines ? 16 : 10;
  double x = area->origin.x;
  double y = area->origin.y;
  cairo_t *cr = render->cr;

  for (guint i = 0; i < n_items; i++)
    {
      gboolean is_target = i == n_series;
      const char *name;
      g_autoptr(PangoLayout) layout = NULL;
      const GdkRGBA *color;
      double width, item_width;
      gboolean dashed;

      if (is_target)
        {
          name = tenure_chart_data_get_target_label (data);
          if (name == NULL)
            name = C_("chart", "Target");
          color = &render->palette.foreground;
          dashed = TRUE;
        }
      else
        {
          name = tenure_chart_data_get_series_name (data, i);
          color = tenure_chart_render_series_color (render, i);
          dashed = tenure_chart_data_get_series_dashed (data, i);
        }

      layout = tenure_chart_render_layout (render, name, TENURE_CHART_TEXT_LABEL);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) ((area->size.width - swatch - 6) * PANGO_SCALE));
      tenure_chart_layout_size (layout, &width, NULL);
      item_width = swatch + 6 + width;

      if (x > area->origin.x && x + item_width > area->origin.x + area->size.width)
        {
          x = area->origin.x;
          y += line_height + 2;
        }

      cairo_save (cr);
      tenure_chart_render_set_color (render, color, is_target ? 0.7 : 1);
      if (is_target)
        {
          /* Dots, as the target line itself: dashes belong to series. */
          cairo_set_line_width (cr, 2);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, (double[]) { 0, 4 }, 2, 0);
          cairo_move_to (cr, x + 1, round (y + line_height / 2));
          cairo_line_to (cr, x + swatch, round (y + line_height / 2));
          cairo_stroke (cr);
        }
      else if (lines)
        {
          cairo_set_line_width (cr, 2);
          if (dashed)
            cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
          cairo_move_to (cr, x, round (y + line_height / 2) + 0.0);
          cairo_line_to (cr, x + swatch, round (y + line_height / 2) + 0.0);
          cairo_stroke (cr);
        }
      else
        {
          cairo_rectangle (cr, x, round (y + (line_height - swatch) / 2), swatch, swatch);
          cairo_fill (cr);
        }
      cairo_restore (cr);

      tenure_chart_render_text (render, layout, x + swatch + 6, y, 0, 0,
                                &render->palette.foreground);
      x += item_width + 16;
    }

  if (n_items > 0)
    {
      double used = y - area->origin.y + line_height + 8;

      area->origin.y += used;
      area->size.height -= used;
    }
}

static double
measure_text (TenureChartRender *render,
              const char        *text,
              TenureChartText    style)
{
  g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, text, style);
  double width;

  tenure_chart_layout_size (layout, &width, NULL);
  return width;
}

static double
widest_tick_label (TenureChartRender *render,
                   const TenureTicks *ticks)
{
  TenureUnit unit = tenure_chart_data_get_unit (render->data);
  const char *currency = tenure_chart_data_get_currency (render->data);
  double widest = 0;

  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      g_autofree char *label = tenure_format_axis_value (tenure_ticks_value (ticks, i),
                                                         ticks->step, unit, currency,
                                                         render->language);

      widest = MAX (widest, measure_text (render, label, TENURE_CHART_TEXT_LABEL));
    }

  return widest;
}

static double
widest_category_label (TenureChartRender *render)
{
  guint n = tenure_chart_data_get_n_categories (render->data);
  double widest = 0;

  for (guint i = 0; i < n; i++)
    widest = MAX (widest, measure_text (render, tenure_chart_data_get_category (render->data, i),
                                        TENURE_CHART_TEXT_LABEL));

  return widest;
}

/* Lays out a value axis for min…max and a category axis inside @area. @end_room is
 * kept free after the plot (beyond the bars' ends, for value labels). Tick counts
 * follow the room available, so labels never touch. */
void
tenure_chart_axes_layout (TenureChartRender     *render,
                          const graphene_rect_t *area,
                          double                 min,
                          double                 max,
                          gboolean               horizontal,
                          double                 end_room,
                          TenureChartAxes       *axes)
{
  TenureChart *chart = render->chart;
  gboolean include_zero = tenure_chart_get_include_zero (chart);
  double line_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_LABEL);
  double top = area->origin.y;
  double bottom = area->origin.y + area->size.height;
  double left = area->origin.x;
  double right = area->origin.x + area->size.width;
  guint intervals;

  memset (axes, 0, sizeof *axes);
  axes->area = *area;
  axes->horizontal = horizontal;
  axes->n_categories = MAX (1, tenure_chart_data_get_n_categories (render->data));
  axes->label_every = 1;

  if (tenure_chart_get_y_title (chart) != NULL)
    top += line_height + 6;
  if (tenure_chart_get_x_title (chart) != NULL)
    bottom -= line_height + 4;

  if (!horizontal)
    {
      double band;
      double tick_width;

      top += line_height / 2;
      bottom -= line_height + 6;
      intervals = (guint) CLAMP ((bottom - top) / 44, 2, 6);
      tenure_ticks_compute (min, max, intervals, include_zero, &axes->ticks);
      tick_width = widest_tick_label (render, &axes->ticks);
      left += tick_width + TICK_GAP;
      right -= MAX (end_room, 2);

      axes->category_label_width = widest_category_label (render);

      /* Room for the last label past the end of its band. */
      band = (right - left) / axes->n_categories;
      right -= MAX (0, MIN (axes->category_label_width, 160) / 2 - band / 2);
      band = (right - left) / axes->n_categories;
      if (band > 0)
        axes->label_every = (guint) MAX (1, ceil ((axes->category_label_width + LABEL_GAP) / band));

      /* A few named steps (a bridge) read better on two staggered rows than thinned;
       * named ones that still do not fit are shortened (tooltips have them whole). */
      if (axes->n_categories <= 8 &&
          (axes->label_every == 2 ||
           (axes->label_every > 2 && !tenure_chart_data_get_months (render->data))))
        {
          if (axes->label_every > 2)
            axes->category_label_limit = MAX (2 * band - LABEL_GAP, 1);
          axes->staggered = TRUE;
          axes->label_every = 1;
          bottom -= line_height;
          intervals = (guint) CLAMP ((bottom - top) / 44, 2, 6);
          tenure_ticks_compute (min, max, intervals, include_zero, &axes->ticks);
        }
    }
  else
    {
      double widest = widest_category_label (render);
      double band;

      axes->category_label_width = MIN (widest, area->size.width * 0.38);
      left += axes->category_label_width + TICK_GAP;
      right -= MAX (end_room, 4);
      bottom -= line_height + 6;

      intervals = (guint) CLAMP ((right - left) / 90, 2, 6);
      for (;;)
        {
          double tick_width;

          tenure_ticks_compute (min, max, intervals, include_zero, &axes->ticks);
          tick_width = widest_tick_label (render, &axes->ticks);
          if (intervals <= 1 ||
              (right - left) / MAX (1, axes->ticks.n_ticks - 1) >= tick_width + LABEL_GAP)
            break;
          intervals--;
        }

      /* Ticks centred on the ends must not leave the area. */
      right -= widest_tick_label (render, &axes->ticks) / 4;

      band = (bottom - top) / axes->n_categories;
      if (band > 0)
        axes->label_every = (guint) MAX (1, ceil ((line_height + 2) / band));

      /* Long names wrap on a second line when the bars leave the room. */
      axes->category_lines = band >= 2 * line_height + 4 ? 2 : 1;
    }

  axes->plot = GRAPHENE_RECT_INIT (left, top, MAX (1, right - left), MAX (1, bottom - top));
}

/* Where @value falls: y for a vertical value axis, x for a horizontal one. */
double
tenure_chart_axes_position (const TenureChartAxes *axes,
                            double                 value)
{
  double span = axes->ticks.last - axes->ticks.first;
  double fraction = span > 0 ? (value - axes->ticks.first) / span : 0;

  if (axes->horizontal)
    return axes->plot.origin.x + fraction * axes->plot.size.width;

  return axes->plot.origin.y + (1 - fraction) * axes->plot.size.height;
}

/* The slice of the category axis given to @category: x (or y) and its size. */
void
tenure_chart_axes_band (const TenureChartAxes *axes,
                        guint                  category,
                        double                *start,
                        double                *size)
{
  double length = axes->horizontal ? axes->plot.size.height : axes->plot.size.width;
  double origin = axes->horizontal ? axes->plot.origin.y : axes->plot.origin.x;
  double band = length / axes->n_categories;

  *start = origin + band * category;
  *size = band;
}

static void
draw_value_axis (TenureChartRender     *render,
                 const TenureChartAxes *axes)
{
  TenureUnit unit = tenure_chart_data_get_unit (render->data);
  const char *currency = tenure_chart_data_get_currency (render->data);
  const graphene_rect_t *plot = &axes->plot;
  double line_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_LABEL);
  double spacing;
  guint label_every = 1;
  cairo_t *cr = render->cr;

  /* Tick labels skip every other tick when rows would collide. */
  if (!axes->horizontal && axes->ticks.n_ticks > 1)
    {
      spacing = plot->size.height / (axes->ticks.n_ticks - 1);
      if (spacing < line_height + 2)
        label_every = (guint) ceil ((line_height + 2) / spacing);
    }

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < axes->ticks.n_ticks; i++)
    {
      double value = tenure_ticks_value (&axes->ticks, i);
      double position = round (tenure_chart_axes_position (axes, value)) + 0.5;

      if (value == 0)
        tenure_chart_render_set_color (render, &render->palette.axis, 1);
      else
        tenure_chart_render_set_color (render, &render->palette.grid, 1);

      if (axes->horizontal)
        {
          cairo_move_to (cr, position, plot->origin.y);
          cairo_line_to (cr, position, plot->origin.y + plot->size.height);
        }
      else
        {
          cairo_move_to (cr, plot->origin.x, position);
          cairo_line_to (cr, plot->origin.x + plot->size.width, position);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  for (guint i = 0; i < axes->ticks.n_ticks; i += label_every)
    {
      double value = tenure_ticks_value (&axes->ticks, i);
      double position = tenure_chart_axes_position (axes, value);
      g_autofree char *label = tenure_format_axis_value (value, axes->ticks.step, unit,
                                                         currency, render->language);
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, label,
                                                                  TENURE_CHART_TEXT_LABEL);

      if (axes->horizontal)
        tenure_chart_render_text (render, layout, position,
                                  plot->origin.y + plot->size.height + 4, 0.5, 0,
                                  &render->palette.dim);
      else
        tenure_chart_render_text (render, layout, plot->origin.x - TICK_GAP, position, 1, 0.5,
                                  &render->palette.dim);
    }
}

static void
draw_category_axis (TenureChartRender     *render,
                    const TenureChartAxes *axes)
{
  guint n = tenure_chart_data_get_n_categories (render->data);
  const graphene_rect_t *plot = &axes->plot;
  double area_left = axes->area.origin.x;
  double area_right = axes->area.origin.x + axes->area.size.width;
  double line_height = tenure_chart_render_line_height (render, TENURE_CHART_TEXT_LABEL);
  double previous_left = G_MAXDOUBLE;
  double previous_lower_left = G_MAXDOUBLE;

  if (n == 0)
    return;

  /* From the last category backwards, so the latest month always keeps its label;
   * a label that would still touch its neighbour (after clamping) is left out. */
  for (int i = (int) n - 1; i >= 0; i -= (int) axes->label_every)
    {
      const char *text = tenure_chart_data_get_category (render->data, (guint) i);
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, text,
                                                                  TENURE_CHART_TEXT_LABEL);
      double start, size, width, x;

      tenure_chart_axes_band (axes, (guint) i, &start, &size);

      if (axes->horizontal)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (layout, (int) (axes->category_label_width * PANGO_SCALE));
          if (axes->category_lines > 1)
            {
              pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_height (layout, -(int) axes->category_lines);
              pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
            }
          tenure_chart_render_text (render, layout, plot->origin.x - TICK_GAP,
                                    start + size / 2, 1, 0.5, &render->palette.foreground);
          continue;
        }

      if (axes->category_label_limit > 0)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (layout, (int) (axes->category_label_limit * PANGO_SCALE));
        }
      tenure_chart_layout_size (layout, &width, NULL);
      x = start + size / 2 - width / 2;
      x = CLAMP (x, area_left, area_right - width);

      if (axes->staggered)
        {
          gboolean lower = (n - 1 - (guint) i) % 2 == 1;
          double *previous = lower ? &previous_lower_left : &previous_left;

          if (x + width + LABEL_GAP / 2 > *previous)
            continue;
          double y = plot->origin.y + plot->size.height + 6 + (lower ? line_height : 0);

          tenure_chart_render_text (render, layout, x, y, 0, 0, &render->palette.dim);
          *previous = x;
          continue;
        }

      if (x + width + LABEL_GAP / 2 > previous_left)
        continue;

      tenure_chart_render_text (render, layout, x, plot->origin.y + plot->size.height + 6, 0, 0,
                                &render->palette.dim);
      previous_left = x;
    }
}

void
tenure_chart_axes_draw (TenureChartRender     *render,
                        const TenureChartAxes *axes)
{
  const char *y_title = tenure_chart_get_y_title (render->chart);
  const char *x_title = tenure_chart_get_x_title (render->chart);

  draw_value_axis (render, axes);
  draw_category_axis (render, axes);

  if (y_title != NULL)
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, y_title,
                                                                  TENURE_CHART_TEXT_LABEL);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (axes->area.size.width * PANGO_SCALE));
      tenure_chart_render_text (render, layout, axes->area.origin.x, axes->area.origin.y, 0, 0,
                                &render->palette.dim);
    }

  if (x_title != NULL)
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (render, x_title,
                                                                  TENURE_CHART_TEXT_LABEL);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (axes->plot.size.width * PANGO_SCALE));
      tenure_chart_render_text (render, layout,
                                axes->plot.origin.x + axes->plot.size.width / 2,
                                axes->area.origin.y + axes->area.size.height, 0.5, 1,
                                &render->palette.dim);
    }
}

/* The target: a dashed line across the plot, its value written just above it. */
void
tenure_chart_draw_target (TenureChartRender     *render,
                          const TenureChartAxes *axes)
{
  double target = tenure_chart_data_get_target (render->data);
  const graphene_rect_t *plot = &axes->plot;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  const char *label;
  double y;
  cairo_t *cr = render->cr;

  if (!isfinite (target) || axes->horizontal)
    return;

  y = round (tenure_chart_axes_position (axes, target)) + 0.5;

  cairo_save (cr);
  tenure_chart_render_set_color (render, &render->palette.foreground, 0.7);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, (double[]) { 0, 4 }, 2, 0);
  cairo_move_to (cr, plot->origin.x, y);
  cairo_line_to (cr, plot->origin.x + plot->size.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  label = tenure_chart_data_get_target_label (render->data);
  if (label == NULL)
    label = C_("chart", "Target");
  value = tenure_chart_render_format (render, target, TENURE_FORMAT_NONE);
  /* Translators: the target line's label, e.g. "Target 50 000 €". */
  text = g_strdup_printf (C_("chart target line", "%s %s"), label, value);
  layout = tenure_chart_render_layout (render, text, TENURE_CHART_TEXT_SMALL);
  tenure_chart_render_text (render, layout, plot->origin.x + plot->size.width - 2, y - 2, 1, 1,
                            &render->palette.dim);
}
