/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base of every chart: titles, legend, tooltips, keyboard, accessibility and export. */

#define G_LOG_DOMAIN "tenure-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tenure-chart-enums.h"
#include "tenure-chart-private.h"

#define PADDING 4.0

/* The string properties come last: priv->strings holds them by property id. */
enum {
  PROP_0,
  PROP_DATA,
  PROP_INCLUDE_ZERO,
  PROP_LANGUAGE,
  PROP_SHOW_LEGEND,
  PROP_EMPTY_TEXT,
  PROP_TITLE,
  PROP_X_TITLE,
  PROP_Y_TITLE,
  N_PROPS
};

#define FIRST_STRING_PROP PROP_EMPTY_TEXT
#define N_STRING_PROPS (N_PROPS - FIRST_STRING_PROP)
#define STRING(priv, prop) ((priv)->strings[(prop) - FIRST_STRING_PROP])
#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static const char * const string_names[] = { "empty-text", "title", "x-title", "y-title" };

typedef struct
{
  TenureChartData *data;
  gulong           data_changed_id;
  char            *strings[N_STRING_PROPS];   /* title, x-title, y-title, empty-text */
  GArray          *hits;
  GtkWidget       *menu;
  TenureLanguage   language;
  int              selected;
  guint            recording : 1;
  guint            show_legend : 1;
  guint            include_zero : 1;
  guint            legend_lines : 1;
} TenureChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TenureChart, tenure_chart, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

/* Declared in tenure-chart-export.c, which owns copying and saving. */
void tenure_chart_copy_image_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);
void tenure_chart_save_image_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);

static void
update_accessible (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  TenureChartClass *klass = TENURE_CHART_GET_CLASS (self);
  g_autofree char *description = tenure_chart_get_description (self);
  g_autofree char *selected = NULL;
  const char *title = STRING (priv, PROP_TITLE);

  if (priv->selected >= 0 && (guint) priv->selected < priv->hits->len && klass->tooltip_text)
    {
      const TenureChartHit *hit = &g_array_index (priv->hits, TenureChartHit, priv->selected);
      g_autofree char *markup = klass->tooltip_text (self, hit->category, hit->series);

      if (markup != NULL && pango_parse_markup (markup, -1, 0, NULL, &selected, NULL, NULL))
        {
          char *both;

          g_strdelimit (selected, "\n", ' ');
          both = g_strdup_printf ("%s. %s", selected, description);
          g_free (description);
          description = both;
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : C_("chart", "Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
data_changed_cb (TenureChart     *self,
                 TenureChartData *data)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  priv->selected = -1;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const char *
get_string (TenureChart *self,
            guint        prop)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_CHART (self), NULL);

  return STRING (priv, prop);
}

static void
set_string (TenureChart *self,
            guint        prop,
            const char  *value)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  char **field = &STRING (priv, prop);

  g_return_if_fail (TENURE_IS_CHART (self));

  if (value == NULL && prop == PROP_EMPTY_TEXT)
    value = _("No data for this month");

  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
    }
}

static gboolean
get_flag (TenureChart *self,
          guint        prop)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_CHART (self), FALSE);

  return prop == PROP_SHOW_LEGEND ? priv->show_legend : priv->include_zero;
}

static void
set_flag (TenureChart *self,
          guint        prop,
          gboolean     value)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  value = !!value;
  if (get_flag (self, prop) == value)
    return;

  if (prop == PROP_SHOW_LEGEND)
    priv->show_legend = value;
  else
    priv->include_zero = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

static const TenureChartHit *
hit_at (TenureChart *self,
        double       x,
        double       y,
        int         *index)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  for (guint i = 0; i < priv->hits->len; i++)
    {
      const TenureChartHit *hit = &g_array_index (priv->hits, TenureChartHit, i);

      if (graphene_rect_contains_point (&hit->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (index != NULL)
            *index = (int) i;
          return hit;
        }
    }

  return NULL;
}

static void
popup_menu (TenureChart *self,
            double       x,
            double       y)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  gtk_popover_set_pointing_to (GTK_POPOVER (priv->menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (priv->menu));
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TenureChart *self = TENURE_CHART (widget);
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  double x = gtk_widget_get_width (widget) / 2.0;
  double y = gtk_widget_get_height (widget) / 2.0;

  if (priv->selected >= 0 && (guint) priv->selected < priv->hits->len)
    {
      const TenureChartHit *hit = &g_array_index (priv->hits, TenureChartHit, priv->selected);

      x = hit->rect.origin.x + hit->rect.size.width / 2;
      y = hit->rect.origin.y + hit->rect.size.height / 2;
    }

  popup_menu (self, x, y);
}

static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TenureChart *self = TENURE_CHART (widget);
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  int n = (int) priv->hits->len;
  int delta = g_variant_get_int32 (parameter);
  int selected;

  if (n == 0)
    return;

  if (priv->selected < 0)
    selected = delta > 0 ? 0 : n - 1;
  else if (delta == G_MININT32 / 2)
    selected = 0;
  else if (delta == G_MAXINT32 / 2)
    selected = n - 1;
  else
    selected = CLAMP (priv->selected + delta, 0, n - 1);

  tenure_chart_set_selected (self, selected);
  gtk_widget_trigger_tooltip_query (widget);
}

static void
secondary_click_cb (TenureChart     *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  int index;

  if (hit_at (self, x, y, &index) != NULL)
    tenure_chart_set_selected (self, index);

  popup_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static char *
tenure_chart_real_tooltip_text (TenureChart *self,
                                int          category,
                                int          series)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  TenureChartData *data = priv->data;
  GString *text;
  guint n_series;
  double target;

  if (data == NULL || category < 0 || (guint) category >= tenure_chart_data_get_n_categories (data))
    return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b>",
                          tenure_chart_data_get_category (data, (guint) category));

  n_series = tenure_chart_data_get_n_series (data);
  for (guint i = 0; i < n_series; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *line = NULL;

      if (series >= 0 && (guint) series != i)
        continue;

      value = tenure_chart_data_format_value (data,
                                              tenure_chart_data_get_value (data, i,
                                                                           (guint) category),
                                              TENURE_FORMAT_NONE, priv->language);
      /* Translators: a tooltip line, "series: value", e.g. "MRR: 48 210 €". */
      line = g_markup_printf_escaped (C_("chart tooltip", "%s: %s"),
                                      tenure_chart_data_get_series_name (data, i), value);
      g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  target = tenure_chart_data_get_target (data);
  if (isfinite (target))
    {
      g_autofree char *value = tenure_chart_data_format_value (data, target, TENURE_FORMAT_NONE,
                                                               priv->language);
      const char *label = tenure_chart_data_get_target_label (data);
      g_autofree char *line = NULL;

      if (label == NULL)
        label = C_("chart", "Target");
      line = g_markup_printf_escaped (C_("chart tooltip", "%s: %s"), label, value);

      g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}

static char *
tenure_chart_real_describe (TenureChart *self)
{
  return tenure_chart_describe_list (self);
}

/* The frame every chart shares: title, legend, empty state; the plot is the subclass's. */
static void
tenure_chart_real_draw (TenureChart *self,
                        cairo_t     *cr,
                        int          width,
                        int          height)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  TenureChartClass *klass = TENURE_CHART_GET_CLASS (self);
  const char *title = STRING (priv, PROP_TITLE);
  TenureChartRender render;
  graphene_rect_t area;

  tenure_chart_render_init (&render, self, cr, width, height);

  area = GRAPHENE_RECT_INIT (PADDING, PADDING, width - 2 * PADDING, height - 2 * PADDING);

  if (title != NULL)
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (&render, title,
                                                                  TENURE_CHART_TEXT_TITLE);
      double title_height;

      /* A long title wraps once, then ends with an ellipsis: the accessible label has it
       * whole. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (area.size.width * PANGO_SCALE));
      pango_layout_set_height (layout, -2);
      tenure_chart_layout_size (layout, NULL, &title_height);
      tenure_chart_render_text (&render, layout, area.origin.x, area.origin.y, 0, 0,
                                &render.palette.foreground);
      area.origin.y += title_height + 8;
      area.size.height -= title_height + 8;
    }

  if (priv->data == NULL || tenure_chart_data_is_empty (priv->data))
    {
      g_autoptr(PangoLayout) layout = tenure_chart_render_layout (&render,
                                                                  STRING (priv, PROP_EMPTY_TEXT),
                                                                  TENURE_CHART_TEXT_BODY);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layout, (int) (area.size.width * PANGO_SCALE));
      tenure_chart_render_text (&render, layout,
                                area.origin.x + area.size.width / 2,
                                area.origin.y + area.size.height / 2, 0.5, 0.5,
                                &render.palette.dim);
      return;
    }

  if (priv->show_legend &&
      (tenure_chart_data_get_n_series (priv->data) > 1 ||
       isfinite (tenure_chart_data_get_target (priv->data))))
    tenure_chart_draw_legend (&render, &area);

  if (area.size.width < 8 || area.size.height < 8 || klass->draw_plot == NULL)
    return;

  cairo_save (cr);
  klass->draw_plot (self, &render, &area);
  cairo_restore (cr);

  /* The keyboard's item, outlined in the accent colour; the whole chart before the
   * arrow keys pick one. */
  if (render.record_hits && gtk_widget_has_focus (GTK_WIDGET (self)) &&
      (priv->selected < 0 || (guint) priv->selected >= priv->hits->len) &&
      (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_VISIBLE))
    {
      cairo_save (cr);
      tenure_chart_render_set_color (&render, &render.palette.accent, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else if (render.record_hits && gtk_widget_has_focus (GTK_WIDGET (self)) &&
           priv->selected >= 0 && (guint) priv->selected < priv->hits->len)
    {
      const TenureChartHit *hit = &g_array_index (priv->hits, TenureChartHit, priv->selected);
      graphene_rect_t rect = hit->rect;

      cairo_save (cr);
      tenure_chart_render_set_color (&render, &render.palette.accent, 0.12);
      cairo_rectangle (cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height);
      cairo_fill_preserve (cr);
      tenure_chart_render_set_color (&render, &render.palette.accent, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
tenure_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  TenureChart *self = TENURE_CHART (widget);
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* Only the on-screen drawing records where things are, for tooltips and the keyboard;
   * exports draw at other sizes. */
  g_array_set_size (priv->hits, 0);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  priv->recording = TRUE;
  tenure_chart_draw (self, cr, width, height);
  priv->recording = FALSE;
  cairo_destroy (cr);

  if (priv->selected >= (int) priv->hits->len)
    priv->selected = -1;
}

static void
tenure_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 280;
    }
}

static void
tenure_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (TENURE_CHART (widget));

  gtk_popover_present (GTK_POPOVER (priv->menu));
}

static gboolean
tenure_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  TenureChart *self = TENURE_CHART (widget);
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  TenureChartClass *klass = TENURE_CHART_GET_CLASS (self);
  const TenureChartHit *hit = NULL;
  g_autofree char *markup = NULL;

  if (keyboard_mode)
    {
      if (priv->selected >= 0 && (guint) priv->selected < priv->hits->len)
        hit = &g_array_index (priv->hits, TenureChartHit, priv->selected);
    }
  else
    hit = hit_at (self, x, y, NULL);

  if (hit == NULL || klass->tooltip_text == NULL)
    return FALSE;

  markup = klass->tooltip_text (self, hit->category, hit->series);
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) hit->rect.origin.x, (int) hit->rect.origin.y,
                              (int) ceil (hit->rect.size.width), (int) ceil (hit->rect.size.height),
                            });
  return TRUE;
}

static void
tenure_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tenure_chart_parent_class)->css_changed (widget, change);

  /* Colours come from the style: the dark style or a new theme needs a redraw. */
  gtk_widget_queue_draw (widget);
}

static void
focus_changed_cb (TenureChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tenure_chart_dispose (GObject *object)
{
  TenureChart *self = (TenureChart *)object;
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  if (priv->data != NULL)
    {
      g_clear_signal_handler (&priv->data_changed_id, priv->data);
      g_clear_object (&priv->data);
    }
  g_clear_pointer (&priv->menu, gtk_widget_unparent);

  G_OBJECT_CLASS (tenure_chart_parent_class)->dispose (object);
}

static void
tenure_chart_finalize (GObject *object)
{
  TenureChart *self = (TenureChart *)object;
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  for (guint i = 0; i < N_STRING_PROPS; i++)
    g_clear_pointer (&priv->strings[i], g_free);
  g_clear_pointer (&priv->hits, g_array_unref);

  G_OBJECT_CLASS (tenure_chart_parent_class)->finalize (object);
}

static void
tenure_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TenureChart *self = TENURE_CHART (object);
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_object (value, priv->data);
      break;

    case PROP_INCLUDE_ZERO:
      g_value_set_boolean (value, priv->include_zero);
      break;

    case PROP_LANGUAGE:
      g_value_set_enum (value, priv->language);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, priv->show_legend);
      break;

    case PROP_EMPTY_TEXT:
    case PROP_TITLE:
    case PROP_X_TITLE:
    case PROP_Y_TITLE:
      g_value_set_string (value, STRING (priv, prop_id));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TenureChart *self = TENURE_CHART (object);

  switch (prop_id)
    {
    case PROP_DATA:
      tenure_chart_set_data (self, g_value_get_object (value));
      break;

    case PROP_INCLUDE_ZERO:
      tenure_chart_set_include_zero (self, g_value_get_boolean (value));
      break;

    case PROP_LANGUAGE:
      tenure_chart_set_language (self, g_value_get_enum (value));
      break;

    case PROP_SHOW_LEGEND:
      tenure_chart_set_show_legend (self, g_value_get_boolean (value));
      break;

    case PROP_EMPTY_TEXT:
    case PROP_TITLE:
    case PROP_X_TITLE:
    case PROP_Y_TITLE:
      set_string (self, prop_id, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_chart_class_init (TenureChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_chart_dispose;
  object_class->finalize = tenure_chart_finalize;
  object_class->get_property = tenure_chart_get_property;
  object_class->set_property = tenure_chart_set_property;

  widget_class->snapshot = tenure_chart_snapshot;
  widget_class->measure = tenure_chart_measure;
  widget_class->size_allocate = tenure_chart_size_allocate;
  widget_class->query_tooltip = tenure_chart_query_tooltip;
  widget_class->css_changed = tenure_chart_css_changed;

  klass->draw = tenure_chart_real_draw;
  klass->describe = tenure_chart_real_describe;
  klass->tooltip_text = tenure_chart_real_tooltip_text;

  properties [PROP_DATA] =
    g_param_spec_object ("data", NULL, NULL, TENURE_TYPE_CHART_DATA, PARAM_FLAGS);
  properties [PROP_INCLUDE_ZERO] =
    g_param_spec_boolean ("include-zero", NULL, NULL, TRUE, PARAM_FLAGS);
  properties [PROP_LANGUAGE] =
    g_param_spec_enum ("language", NULL, NULL, TENURE_TYPE_LANGUAGE, TENURE_LANGUAGE_DEFAULT,
                       PARAM_FLAGS);
  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE, PARAM_FLAGS);
  for (guint i = 0; i < N_STRING_PROPS; i++)
    properties [FIRST_STRING_PROP + i] =
      g_param_spec_string (string_names[i], NULL, NULL, NULL, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.copy-image", NULL,
                                   tenure_chart_copy_image_action);
  gtk_widget_class_install_action (widget_class, "chart.save-image", NULL,
                                   tenure_chart_save_image_action);
  gtk_widget_class_install_action (widget_class, "chart.context-menu", NULL,
                                   context_menu_action);
  gtk_widget_class_install_action (widget_class, "chart.move", "i",
                                   move_selection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "chart.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "chart.save-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.move", "i",
                                       G_MININT32 / 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.move", "i",
                                       G_MAXINT32 / 2);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
tenure_chart_init (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkGesture *gesture;
  GtkEventController *focus;

  priv->hits = g_array_new (FALSE, FALSE, sizeof (TenureChartHit));
  STRING (priv, PROP_EMPTY_TEXT) = g_strdup (_("No data for this month"));
  priv->selected = -1;
  priv->show_legend = TRUE;
  priv->include_zero = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_menu_append (menu, _("_Copy Image"), "chart.copy-image");
  g_menu_append (menu, _("_Save Image…"), "chart.save-image");
  priv->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (priv->menu), FALSE);
  gtk_widget_set_halign (priv->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (priv->menu, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (secondary_click_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  update_accessible (self);
}

/* Private API for the subclasses. */

/* Everything a drawing needs: the data, the language, the colours of the current style. */
void
tenure_chart_render_init (TenureChartRender *render,
                          TenureChart       *self,
                          cairo_t           *cr,
                          int                width,
                          int                height)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  memset (render, 0, sizeof *render);
  render->chart = self;
  render->data = priv->data;
  render->cr = cr;
  render->width = width;
  render->height = height;
  render->language = tenure_language_resolve (priv->language);
  render->record_hits = priv->recording;
  tenure_chart_palette_init (self, &render->palette);
}

GArray *
tenure_chart_get_hits (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  return priv->hits;
}

/* Legend swatches as short lines (line charts) rather than squares. */
void
tenure_chart_set_legend_lines (TenureChart *self,
                               gboolean     lines)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  priv->legend_lines = !!lines;
}

gboolean
tenure_chart_get_legend_lines (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  return priv->legend_lines;
}

static gboolean
first_and_last (const double *values,
                guint         n,
                guint        *first,
                guint        *last)
{
  gboolean found = FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (values[i]))
        continue;
      if (!found)
        *first = i;
      *last = i;
      found = TRUE;
    }

  return found;
}

/* "MRR from Nov 2025 to Nov 2026: 41 200 € to 48 210 €." for each series. */
char *
tenure_chart_describe_trend (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  TenureChartData *data = priv->data;
  TenureLanguage language = priv->language;
  GString *text = g_string_new (NULL);
  guint n_series;
  double target;

  if (STRING (priv, PROP_TITLE) != NULL)
    g_string_append_printf (text, "%s. ", STRING (priv, PROP_TITLE));

  if (data == NULL || tenure_chart_data_is_empty (data))
    {
      g_string_append (text, STRING (priv, PROP_EMPTY_TEXT));
      return g_string_free (text, FALSE);
    }

  n_series = tenure_chart_data_get_n_series (data);
  for (guint i = 0; i < n_series; i++)
    {
      guint n, first = 0, last = 0;
      const double *values = tenure_chart_data_get_values (data, i, &n);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      double min, max;

      if (!first_and_last (values, n, &first, &last))
        continue;

      from = tenure_chart_data_format_value (data, values[first], TENURE_FORMAT_NONE, language);
      to = tenure_chart_data_format_value (data, values[last], TENURE_FORMAT_NONE, language);
      /* Translators: series, first month, last month, first value, last value:
       * "MRR from Nov 2025 to Nov 2026: 41 200 € to 48 210 €." */
      g_string_append_printf (text, _("%s from %s to %s: %s to %s."),
                              tenure_chart_data_get_series_name (data, i),
                              tenure_chart_data_get_category (data, first),
                              tenure_chart_data_get_category (data, last),
                              from, to);

      if (tenure_chart_range (values, n, &min, &max) && last > first + 1)
        {
          g_autofree char *low = tenure_chart_data_format_value (data, min, TENURE_FORMAT_NONE,
                                                                 language);
          g_autofree char *high = tenure_chart_data_format_value (data, max, TENURE_FORMAT_NONE,
                                                                  language);

          g_string_append_c (text, ' ');
          /* Translators: the lowest and highest values of a series. */
          g_string_append_printf (text, _("Lowest %s, highest %s."), low, high);
        }
      g_string_append_c (text, ' ');
    }

  target = tenure_chart_data_get_target (data);
  if (isfinite (target))
    {
      g_autofree char *value = tenure_chart_data_format_value (data, target, TENURE_FORMAT_NONE,
                                                               language);
      const char *label = tenure_chart_data_get_target_label (data);

      if (label == NULL)
        label = C_("chart", "Target");
      g_string_append_printf (text, C_("chart description", "%s: %s."), label, value);
    }

  g_strchomp (text->str);
  g_string_set_size (text, strlen (text->str));
  return g_string_free (text, FALSE);
}

/* Every figure, category by category: "Start: 350 €; New: +80 €; …". */
char *
tenure_chart_describe_list (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);
  TenureChartData *data = priv->data;
  GString *text = g_string_new (NULL);
  guint n_series, n_categories;

  if (STRING (priv, PROP_TITLE) != NULL)
    g_string_append_printf (text, "%s. ", STRING (priv, PROP_TITLE));

  if (data == NULL || tenure_chart_data_is_empty (data))
    {
      g_string_append (text, STRING (priv, PROP_EMPTY_TEXT));
      return g_string_free (text, FALSE);
    }

  n_series = tenure_chart_data_get_n_series (data);
  n_categories = tenure_chart_data_get_n_categories (data);
  for (guint c = 0; c < n_categories; c++)
    {
      g_string_append (text, tenure_chart_data_get_category (data, c));
      g_string_append (text, ": ");
      for (guint s = 0; s < n_series; s++)
        {
          g_autofree char *value = NULL;

          value = tenure_chart_data_format_value (data, tenure_chart_data_get_value (data, s, c),
                                                  TENURE_FORMAT_NONE, priv->language);
          if (s > 0)
            g_string_append (text, ", ");
          if (n_series > 1)
            g_string_append_printf (text, "%s %s", tenure_chart_data_get_series_name (data, s),
                                    value);
          else
            g_string_append (text, value);
        }
      g_string_append (text, c + 1 < n_categories ? "; " : ".");
    }

  return g_string_free (text, FALSE);
}

/* Public API. */

TenureChartData *
tenure_chart_get_data (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_CHART (self), NULL);

  return priv->data;
}

/* Shows @data, and follows its changes until another one is set. */
void
tenure_chart_set_data (TenureChart     *self,
                       TenureChartData *data)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_if_fail (TENURE_IS_CHART (self));
  g_return_if_fail (data == NULL || TENURE_IS_CHART_DATA (data));

  if (priv->data == data)
    return;

  if (priv->data != NULL)
    g_clear_signal_handler (&priv->data_changed_id, priv->data);

  g_set_object (&priv->data, data);

  if (data != NULL)
    priv->data_changed_id = g_signal_connect_object (data, "changed",
                                                     G_CALLBACK (data_changed_cb), self,
                                                     G_CONNECT_SWAPPED);

  data_changed_cb (self, data);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATA]);
}

/* The string properties: the title (above the plot), the title of the category axis
 * (below it, e.g. "Months since first payment"), the title of the value axis (above
 * it, e.g. "MRR (€)" or "Days"), and what the chart says when there is nothing to draw
 * (NULL for "No data for this month"). */
#define STRING_PROPERTY(name, prop) \
  const char *tenure_chart_get_##name (TenureChart *self) { return get_string (self, prop); } \
  void tenure_chart_set_##name (TenureChart *self, const char *value) \
  { set_string (self, prop, value); }

STRING_PROPERTY (title, PROP_TITLE)
STRING_PROPERTY (x_title, PROP_X_TITLE)
STRING_PROPERTY (y_title, PROP_Y_TITLE)
STRING_PROPERTY (empty_text, PROP_EMPTY_TEXT)

/* The flags: whether the legend appears (when there are several series or a target),
 * and whether the value axis always reaches zero (bars always do, whatever it says). */
#define FLAG_PROPERTY(name, prop) \
  gboolean tenure_chart_get_##name (TenureChart *self) { return get_flag (self, prop); } \
  void tenure_chart_set_##name (TenureChart *self, gboolean value) \
  { set_flag (self, prop, value); }

FLAG_PROPERTY (show_legend, PROP_SHOW_LEGEND)
FLAG_PROPERTY (include_zero, PROP_INCLUDE_ZERO)

TenureLanguage
tenure_chart_get_language (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_CHART (self), TENURE_LANGUAGE_DEFAULT);

  return priv->language;
}

/* How figures are written; DEFAULT follows the locale. */
void
tenure_chart_set_language (TenureChart    *self,
                           TenureLanguage  language)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_if_fail (TENURE_IS_CHART (self));

  if (priv->language != language)
    {
      priv->language = language;
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
    }
}

/* The item the keyboard highlights (an index into what the chart drew), or -1. */
int
tenure_chart_get_selected (TenureChart *self)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_CHART (self), -1);

  return priv->selected;
}

void
tenure_chart_set_selected (TenureChart *self,
                           int          selected)
{
  TenureChartPrivate *priv = tenure_chart_get_instance_private (self);

  g_return_if_fail (TENURE_IS_CHART (self));

  if (selected < -1 || selected >= (int) priv->hits->len)
    selected = -1;

  if (priv->selected != selected)
    {
      priv->selected = selected;
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The plain-language text of the figures given to assistive technologies. */
char *
tenure_chart_get_description (TenureChart *self)
{
  TenureChartClass *klass;

  g_return_val_if_fail (TENURE_IS_CHART (self), NULL);

  klass = TENURE_CHART_GET_CLASS (self);
  if (klass->describe == NULL)
    return g_strdup (tenure_chart_get_title (self));

  return klass->describe (self);
}

/* Draws the chart on @cr at @width × @height: the one drawing path for the screen,
 * PNG and SVG. */
void
tenure_chart_draw (TenureChart *self,
                   cairo_t     *cr,
                   int          width,
                   int          height)
{
  g_return_if_fail (TENURE_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  TENURE_CHART_GET_CLASS (self)->draw (self, cr, width, height);
}
