/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draws a scenario's steps on a day line, with labels placed in lanes so none overlap. */

#define G_LOG_DOMAIN "tenure-scenario-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario-timeline.h"

#define PAD_X        16.0
#define LANE_HEIGHT  20.0
#define MAX_LANES    4
#define LABEL_GAP    10.0
#define MARKER_R     9.0
#define MAX_LABEL_W  230

typedef struct
{
  int       day;
  gboolean  required;
  char     *label;        /* "2. Title" */
  char     *short_label;  /* "2" */
} Marker;

typedef struct
{
  int      lane;          /* -1: no room for a label */
  gboolean use_short;
  double   x;
  double   text_x;
  double   text_width;
} Placement;

struct _TenureScenarioTimeline
{
  GtkWidget  parent_instance;

  GArray    *markers;     /* Marker */
  int        last_day;
};

G_DEFINE_FINAL_TYPE (TenureScenarioTimeline, tenure_scenario_timeline, GTK_TYPE_WIDGET)

static void
marker_clear (gpointer data)
{
  Marker *marker = data;

  g_free (marker->label);
  g_free (marker->short_label);
}

static double
day_to_x (TenureScenarioTimeline *self,
          int                     width,
          int                     day)
{
  return PAD_X + (width - 2 * PAD_X) * (double) day / self->last_day;
}

static PangoLayout *
create_layout (TenureScenarioTimeline *self,
               const char             *text,
               gboolean                small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_width (layout, MAX_LABEL_W * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static int
compare_by_day (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GArray *markers = user_data;
  const Marker *ma = &g_array_index (markers, Marker, *(const guint *) a);
  const Marker *mb = &g_array_index (markers, Marker, *(const guint *) b);

  if (ma->day != mb->day)
    return ma->day < mb->day ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

/* Places the markers by day, moving a marker that would cover the one before it just
 * enough to the right; then each label, starting over its marker, in the lowest lane
 * where it fits. A label that fits nowhere is cut down to its number, and left out when
 * even that does not fit (the marker carries the number and its tooltip the title).
 * Returns the number of lanes used. */
static int
place_labels (TenureScenarioTimeline *self,
              int                     width,
              Placement              *placements)
{
  g_autofree guint *order = g_new (guint, MAX (self->markers->len, 1));
  double lane_end[MAX_LANES];
  double previous_x = -G_MAXDOUBLE;
  int n_lanes = 0;

  for (guint l = 0; l < MAX_LANES; l++)
    lane_end[l] = -G_MAXDOUBLE;
  for (guint i = 0; i < self->markers->len; i++)
    order[i] = i;
  g_qsort_with_data (order, self->markers->len, sizeof (guint), compare_by_day, self->markers);

  for (guint k = 0; k < self->markers->len; k++)
    {
      guint i = order[k];
      Marker *marker = &g_array_index (self->markers, Marker, i);
      Placement *p = &placements[i];

      p->lane = -1;
      p->x = MAX (day_to_x (self, width, marker->day), previous_x + 2 * MARKER_R + 2);
      previous_x = p->x;
      for (guint attempt = 0; attempt < 2 && p->lane < 0; attempt++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          int text_w;
          double start;

          layout = create_layout (self, attempt == 0 ? marker->label : marker->short_label, TRUE);
          pango_layout_get_pixel_size (layout, &text_w, NULL);
          /* From the marker's left edge, kept inside the widget. */
          start = CLAMP (p->x - MARKER_R, 2.0, MAX (2.0, width - text_w - 2.0));
          for (int l = 0; l < MAX_LANES; l++)
            {
              if (start >= lane_end[l] + LABEL_GAP)
                {
                  p->lane = l;
                  p->use_short = attempt == 1;
                  p->text_x = start;
                  p->text_width = text_w;
                  lane_end[l] = start + text_w;
                  n_lanes = MAX (n_lanes, l + 1);
                  break;
                }
            }
        }
    }

  return n_lanes;
}

/* Lane 0 is the nearest to the line. */
static double
lane_y (int n_lanes,
        int lane)
{
  return 4 + (MAX (n_lanes, 1) - 1 - lane) * LANE_HEIGHT;
}

static double
axis_y (int n_lanes)
{
  return 4 + MAX (n_lanes, 1) * LANE_HEIGHT + MARKER_R + 4;
}

static GtkSizeRequestMode
tenure_scenario_timeline_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tenure_scenario_timeline_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  TenureScenarioTimeline *self = TENURE_SCENARIO_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    {
      g_autofree Placement *placements = g_new0 (Placement, MAX (self->markers->len, 1));
      int n_lanes = place_labels (self, for_size > 0 ? for_size : 480, placements);

      *minimum = *natural = (int) axis_y (n_lanes) + MARKER_R + 24;
    }
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
tenure_scenario_timeline_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  TenureScenarioTimeline *self = TENURE_SCENARIO_TIMELINE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree Placement *placements = g_new0 (Placement, MAX (self->markers->len, 1));
  GdkRGBA fg, dim, accent, bg, on_accent;
  int n_lanes;
  double y;
  cairo_t *cr;

  gtk_style_context_get_color (context, &fg);
  dim = fg;
  dim.alpha *= 0.55;
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &on_accent))
    gdk_rgba_parse (&on_accent, "#ffffff");
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    gdk_rgba_parse (&bg, "#fafafa");

  n_lanes = place_labels (self, width, placements);
  y = axis_y (n_lanes);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 2);
  gdk_cairo_set_source_rgba (cr, &dim);
  cairo_move_to (cr, PAD_X, y);
  cairo_line_to (cr, width - PAD_X, y);
  cairo_stroke (cr);

  /* Week ticks. */
  cairo_set_line_width (cr, 1);
  for (int d = 0; d <= self->last_day; d += 7)
    {
      double x = day_to_x (self, width, d);

      cairo_move_to (cr, x, y - 4);
      cairo_line_to (cr, x, y + 4);
    }
  cairo_stroke (cr);

  /* Markers, carrying their step's number. */
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);
      double x = placements[i].x;

      cairo_new_path (cr);
      cairo_arc (cr, x, y, MARKER_R, 0, 2 * G_PI);
      if (marker->required)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_fill (cr);
        }
      else
        {
          gdk_cairo_set_source_rgba (cr, &bg);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 1.5);
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);

  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);
      Placement *p = &placements[i];
      g_autoptr(PangoLayout) number = create_layout (self, marker->short_label, TRUE);
      int number_w, number_h;

      pango_layout_get_pixel_size (number, &number_w, &number_h);
      append_text (snapshot, number, p->x - number_w / 2.0, y - number_h / 2.0,
                   marker->required ? &on_accent : &fg);

      if (p->lane >= 0)
        {
          g_autoptr(PangoLayout) layout = NULL;

          layout = create_layout (self, p->use_short ? marker->short_label : marker->label, TRUE);
          append_text (snapshot, layout, p->text_x, lane_y (n_lanes, p->lane), &fg);
        }
    }

  /* Day labels under the weekly ticks, and the last day. */
  for (int d = 0; d <= self->last_day; d += 7)
    {
      /* Translators: a point on the onboarding timeline, in days after enrolment */
      g_autofree char *text = d == 0 ? g_strdup (_("Day 0")) : g_strdup_printf ("%d", d);
      g_autoptr(PangoLayout) layout = create_layout (self, text, TRUE);
      int text_w;
      double x = day_to_x (self, width, d);

      if (self->last_day - d < 4 && d != 0)
        continue;
      pango_layout_get_pixel_size (layout, &text_w, NULL);
      append_text (snapshot, layout, CLAMP (x - text_w / 2.0, 0, width - text_w), y + MARKER_R + 4,
                   &dim);
    }
  {
    /* Translators: the end of the onboarding timeline, in days after enrolment */
    g_autofree char *text = g_strdup_printf (_("Day %d"), self->last_day);
    g_autoptr(PangoLayout) layout = create_layout (self, text, TRUE);
    int text_w;

    pango_layout_get_pixel_size (layout, &text_w, NULL);
    append_text (snapshot, layout, width - text_w, y + MARKER_R + 4, &dim);
  }
}

static gboolean
tenure_scenario_timeline_query_tooltip (GtkWidget  *widget,
                                        int         x,
                                        int         y,
                                        gboolean    keyboard,
                                        GtkTooltip *tooltip)
{
  TenureScenarioTimeline *self = TENURE_SCENARIO_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree Placement *placements = g_new0 (Placement, MAX (self->markers->len, 1));

  place_labels (self, width, placements);

  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);

      if (keyboard || ABS (placements[i].x - x) <= MARKER_R + 2)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text,
                                  marker->required
                                  /* Translators: a step, its day and whether it is required */
                                  ? _("%s — day %d, required")
                                  : _("%s — day %d, optional"),
                                  marker->label, marker->day);
        }
    }
  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
tenure_scenario_timeline_finalize (GObject *object)
{
  TenureScenarioTimeline *self = TENURE_SCENARIO_TIMELINE (object);

  g_clear_pointer (&self->markers, g_array_unref);

  G_OBJECT_CLASS (tenure_scenario_timeline_parent_class)->finalize (object);
}

static void
tenure_scenario_timeline_class_init (TenureScenarioTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tenure_scenario_timeline_finalize;

  widget_class->get_request_mode = tenure_scenario_timeline_get_request_mode;
  widget_class->measure = tenure_scenario_timeline_measure;
  widget_class->snapshot = tenure_scenario_timeline_snapshot;
  widget_class->query_tooltip = tenure_scenario_timeline_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "scenariotimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tenure_scenario_timeline_init (TenureScenarioTimeline *self)
{
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
  self->last_day = 30;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
tenure_scenario_timeline_new (void)
{
  return g_object_new (TENURE_TYPE_SCENARIO_TIMELINE, NULL);
}

/* Shows the steps of @scenario (or none); the line runs to day 30, or further when a
 * step comes later. */
void
tenure_scenario_timeline_set_scenario (TenureScenarioTimeline *self,
                                       const TenureScenario   *scenario)
{
  g_autoptr(GString) description = g_string_new (_("Timeline of the steps"));

  g_return_if_fail (TENURE_IS_SCENARIO_TIMELINE (self));

  g_array_set_size (self->markers, 0);
  self->last_day = 30;
  for (guint i = 0; scenario != NULL && i < scenario->steps->len; i++)
    {
      const TenureStep *step = g_ptr_array_index (scenario->steps, i);
      Marker marker = { 0 };

      marker.day = step->day_offset;
      marker.required = step->required;
      marker.label = g_strdup_printf ("%d. %s", step->position, step->title);
      marker.short_label = g_strdup_printf ("%d", step->position);
      g_array_append_val (self->markers, marker);
      self->last_day = MAX (self->last_day, step->day_offset);
      g_string_append_printf (description, "; %s, day %d", marker.label, marker.day);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
tenure_scenario_timeline_get_n_markers (TenureScenarioTimeline *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_TIMELINE (self), 0);

  return self->markers->len;
}

int
tenure_scenario_timeline_get_last_day (TenureScenarioTimeline *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_TIMELINE (self), 0);

  return self->last_day;
}
