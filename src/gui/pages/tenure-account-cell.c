/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One line of text, ellipsized, in a cell of the Accounts page's list.
 *
 * GTK 4.8's column view keeps a row widget for each of some 200 items, visible or not,
 * measures them all after a change and builds them all when the list fills. A GtkLabel
 * measures its text (shaping it) to request a size; a GtkInscription does not, but makes
 * a Pango context for itself when built and asks it for the font's metrics when measured.
 * This cell asks for one line of the list's font, with metrics computed once for the whole
 * column view, and makes its layout only when it is drawn: the cells out of sight never
 * shape their text. It is styled as a label (`label` node). */

#define G_LOG_DOMAIN "tenure-account-cell"

#include "config.h"

#include "tenure-account-cell.h"

/* A few characters at least, for the ellipsis, as a GtkInscription. */
#define MIN_CHARS 3

struct _TenureAccountCell
{
  GtkWidget    parent_instance;

  char        *text;
  float        xalign;
  guint        nat_chars;
  PangoLayout *layout;    /* made when drawn */
};

G_DEFINE_FINAL_TYPE (TenureAccountCell, tenure_account_cell, GTK_TYPE_WIDGET)

/* The metrics of a font, kept on the Pango context they come from. */
typedef struct
{
  guint serial;           /* of the context when computed */
  int   line_height;      /* Pango units */
  int   char_width;
} Metrics;

static const Metrics *
get_metrics (TenureAccountCell *self)
{
  static GQuark quark;
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  PangoContext *context;
  Metrics *metrics;

  if (quark == 0)
    quark = g_quark_from_static_string ("tenure-account-cell-metrics");

  /* The cells have the font of their list (their style only changes colours, opacity and
   * font features): one context measures them all. */
  context = gtk_widget_get_pango_context (view != NULL ? view : GTK_WIDGET (self));
  metrics = g_object_get_qdata (G_OBJECT (context), quark);
  if (metrics == NULL)
    {
      metrics = g_new0 (Metrics, 1);
      metrics->serial = pango_context_get_serial (context) - 1;
      g_object_set_qdata_full (G_OBJECT (context), quark, metrics, g_free);
    }
  if (metrics->serial != pango_context_get_serial (context))
    {
      PangoFontMetrics *font = pango_context_get_metrics (context, NULL, NULL);

      metrics->serial = pango_context_get_serial (context);
      metrics->line_height = pango_font_metrics_get_ascent (font) +
                             pango_font_metrics_get_descent (font);
      metrics->char_width = MAX (pango_font_metrics_get_approximate_char_width (font),
                                 pango_font_metrics_get_approximate_digit_width (font));
      pango_font_metrics_unref (font);
    }

  return metrics;
}

static void
tenure_account_cell_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  TenureAccountCell *self = TENURE_ACCOUNT_CELL (widget);
  const Metrics *metrics = get_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (MIN_CHARS * metrics->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (MIN_CHARS, self->nat_chars) * metrics->char_width);
    }
  else
    *minimum = *natural = PANGO_PIXELS_CEIL (metrics->line_height);
}

static void
tenure_account_cell_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  TenureAccountCell *self = TENURE_ACCOUNT_CELL (widget);

  if (self->layout != NULL)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
}

static void
ensure_layout (TenureAccountCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  PangoAlignment align;

  if (self->layout != NULL)
    return;

  if (self->xalign < 0.33)
    align = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  else if (self->xalign < 0.67)
    align = PANGO_ALIGN_CENTER;
  else
    align = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;

  /* With the attributes of the style (font features of .numeric, for instance). */
  self->layout = gtk_widget_create_pango_layout (widget, self->text);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (self->layout, TRUE);
  pango_layout_set_alignment (self->layout, align);
  pango_layout_set_width (self->layout, gtk_widget_get_width (widget) * PANGO_SCALE);
}

static void
tenure_account_cell_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  TenureAccountCell *self = TENURE_ACCOUNT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;

  if (self->text == NULL || *self->text == '\0' || width <= 0 || height <= 0)
    return;

  ensure_layout (self);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0,
                              MAX (0, (height - logical.height) / 2), self->layout);
  gtk_snapshot_pop (snapshot);
}

/* A new style may bring other text attributes, a new direction another alignment: the
 * layout is made again when next drawn. */
static void
tenure_account_cell_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  TenureAccountCell *self = TENURE_ACCOUNT_CELL (widget);

  GTK_WIDGET_CLASS (tenure_account_cell_parent_class)->css_changed (widget, change);

  g_clear_object (&self->layout);
}

static void
tenure_account_cell_direction_changed (GtkWidget        *widget,
                                       GtkTextDirection  previous_direction)
{
  TenureAccountCell *self = TENURE_ACCOUNT_CELL (widget);

  GTK_WIDGET_CLASS (tenure_account_cell_parent_class)->direction_changed (widget,
                                                                         previous_direction);

  g_clear_object (&self->layout);
  gtk_widget_queue_draw (widget);
}

static void
tenure_account_cell_finalize (GObject *object)
{
  TenureAccountCell *self = TENURE_ACCOUNT_CELL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (tenure_account_cell_parent_class)->finalize (object);
}

static void
tenure_account_cell_class_init (TenureAccountCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tenure_account_cell_finalize;

  widget_class->measure = tenure_account_cell_measure;
  widget_class->size_allocate = tenure_account_cell_size_allocate;
  widget_class->snapshot = tenure_account_cell_snapshot;
  widget_class->css_changed = tenure_account_cell_css_changed;
  widget_class->direction_changed = tenure_account_cell_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
tenure_account_cell_init (TenureAccountCell *self)
{
}

/**
 * tenure_account_cell_new:
 * @xalign: 0 for text on the start side, 1 on the end side (figures)
 * @nat_chars: the characters the cell would like room for; 0 for a few
 *
 * Returns: (transfer floating): a cell showing no text
 */
GtkWidget *
tenure_account_cell_new (float xalign,
                         guint nat_chars)
{
  TenureAccountCell *self = g_object_new (TENURE_TYPE_ACCOUNT_CELL, NULL);

  self->xalign = CLAMP (xalign, 0, 1);
  self->nat_chars = nat_chars;

  return GTK_WIDGET (self);
}

void
tenure_account_cell_set_text (TenureAccountCell *self,
                              const char        *text)
{
  g_return_if_fail (TENURE_IS_ACCOUNT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);

  /* The size does not depend on the text: only a redraw. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
}

const char *
tenure_account_cell_get_text (TenureAccountCell *self)
{
  g_return_val_if_fail (TENURE_IS_ACCOUNT_CELL (self), NULL);

  return self->text;
}
