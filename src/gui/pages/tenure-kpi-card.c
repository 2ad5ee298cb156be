/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A key figure in a card: title, value, change, a trend sparkline and a one-line explanation. */

#define G_LOG_DOMAIN "tenure-kpi-card"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-kpi-card.h"
#include "tenure-sparkline.h"

struct _TenureKpiCard
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *title_label;
  GtkWidget *value_label;
  GtkWidget *detail_label;
  GtkWidget *sparkline;
  GtkWidget *extra;

  char      *explanation;
};

G_DEFINE_FINAL_TYPE (TenureKpiCard, tenure_kpi_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DETAIL,
  PROP_EXPLANATION,
  PROP_TITLE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Screen readers hear the figure as a sentence: title, value, change, explanation. */
static void
update_accessible (TenureKpiCard *self)
{
  g_autofree char *label = g_strdup_printf ("%s: %s",
                                            gtk_label_get_text (GTK_LABEL (self->title_label)),
                                            gtk_label_get_text (GTK_LABEL (self->value_label)));
  g_autofree char *description = NULL;
  const char *detail = gtk_label_get_text (GTK_LABEL (self->detail_label));

  if (*detail != '\0' && self->explanation != NULL)
    description = g_strdup_printf ("%s. %s", detail, self->explanation);
  else if (*detail != '\0')
    description = g_strdup (detail);
  else
    description = g_strdup (self->explanation != NULL ? self->explanation : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
tenure_kpi_card_dispose (GObject *object)
{
  TenureKpiCard *self = (TenureKpiCard *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->title_label = NULL;
  self->value_label = NULL;
  self->detail_label = NULL;
  self->sparkline = NULL;
  self->extra = NULL;

  G_OBJECT_CLASS (tenure_kpi_card_parent_class)->dispose (object);
}

static void
tenure_kpi_card_finalize (GObject *object)
{
  TenureKpiCard *self = (TenureKpiCard *)object;

  g_free (self->explanation);

  G_OBJECT_CLASS (tenure_kpi_card_parent_class)->finalize (object);
}

static void
tenure_kpi_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TenureKpiCard *self = TENURE_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      g_value_set_string (value, tenure_kpi_card_get_detail (self));
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, tenure_kpi_card_get_explanation (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, tenure_kpi_card_get_title (self));
      break;

    case PROP_VALUE:
      g_value_set_string (value, tenure_kpi_card_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_kpi_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TenureKpiCard *self = TENURE_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      tenure_kpi_card_set_detail (self, g_value_get_string (value));
      break;

    case PROP_EXPLANATION:
      tenure_kpi_card_set_explanation (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      tenure_kpi_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      tenure_kpi_card_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_kpi_card_class_init (TenureKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_kpi_card_dispose;
  object_class->finalize = tenure_kpi_card_finalize;
  object_class->get_property = tenure_kpi_card_get_property;
  object_class->set_property = tenure_kpi_card_set_property;

  /* A short line under the value: the change against last month, a count, a share. */
  properties [PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What the figure means, in one plain sentence: the card's tooltip. */
  properties [PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The formatted figure; NULL shows "—". */
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tenure_kpi_card_init (TenureKpiCard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *spacer;

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  self->box = box;

  /* Wrapping labels ask for little width: four cards fit side by side at 1280 pixels. */
  self->title_label = g_object_new (GTK_TYPE_LABEL,
                                    "xalign", 0.0f,
                                    "max-width-chars", 20,
                                    "wrap", TRUE,
                                    "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                    NULL);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_widget_add_css_class (self->title_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->title_label);

  self->value_label = g_object_new (GTK_TYPE_LABEL,
                                    "label", "—",
                                    "xalign", 0.0f,
                                    "ellipsize", PANGO_ELLIPSIZE_END,
                                    NULL);
  gtk_widget_add_css_class (self->value_label, "title-2");
  gtk_widget_add_css_class (self->value_label, "numeric");
  gtk_box_append (GTK_BOX (box), self->value_label);

  self->detail_label = g_object_new (GTK_TYPE_LABEL,
                                     "xalign", 0.0f,
                                     "max-width-chars", 24,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     "visible", FALSE,
                                     NULL);
  gtk_widget_add_css_class (self->detail_label, "caption");
  gtk_widget_add_css_class (self->detail_label, "dim-label");
  gtk_widget_add_css_class (self->detail_label, "numeric");
  gtk_box_append (GTK_BOX (box), self->detail_label);

  /* Cards side by side share a height: the room left goes above the sparklines, which
   * then line up at the bottom. */
  spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (box), spacer);

  self->sparkline = tenure_sparkline_new ();
  gtk_widget_set_size_request (self->sparkline, -1, 40);
  gtk_widget_set_margin_top (self->sparkline, 6);
  gtk_widget_set_visible (self->sparkline, FALSE);
  gtk_box_append (GTK_BOX (box), self->sparkline);
}

/**
 * tenure_kpi_card_new:
 * @title: the figure's name, e.g. "Recurring revenue"
 */
GtkWidget *
tenure_kpi_card_new (const char *title)
{
  return g_object_new (TENURE_TYPE_KPI_CARD, "title", title, NULL);
}

const char *
tenure_kpi_card_get_title (TenureKpiCard *self)
{
  g_return_val_if_fail (TENURE_IS_KPI_CARD (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->title_label));
}

void
tenure_kpi_card_set_title (TenureKpiCard *self,
                           const char    *title)
{
  g_return_if_fail (TENURE_IS_KPI_CARD (self));

  if (g_strcmp0 (title, tenure_kpi_card_get_title (self)) == 0)
    return;

  gtk_label_set_text (GTK_LABEL (self->title_label), title != NULL ? title : "");
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

/* The figure shown, "—" when it is null. */
const char *
tenure_kpi_card_get_value (TenureKpiCard *self)
{
  g_return_val_if_fail (TENURE_IS_KPI_CARD (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->value_label));
}

void
tenure_kpi_card_set_value (TenureKpiCard *self,
                           const char    *value)
{
  g_return_if_fail (TENURE_IS_KPI_CARD (self));

  if (value == NULL || *value == '\0')
    value = "—";
  if (g_strcmp0 (value, tenure_kpi_card_get_value (self)) == 0)
    return;

  gtk_label_set_text (GTK_LABEL (self->value_label), value);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

const char *
tenure_kpi_card_get_detail (TenureKpiCard *self)
{
  g_return_val_if_fail (TENURE_IS_KPI_CARD (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->detail_label));
}

void
tenure_kpi_card_set_detail (TenureKpiCard *self,
                            const char    *detail)
{
  g_return_if_fail (TENURE_IS_KPI_CARD (self));

  if (detail == NULL)
    detail = "";
  if (g_strcmp0 (detail, tenure_kpi_card_get_detail (self)) == 0)
    return;

  gtk_label_set_text (GTK_LABEL (self->detail_label), detail);
  gtk_widget_set_visible (self->detail_label, *detail != '\0');
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DETAIL]);
}

const char *
tenure_kpi_card_get_explanation (TenureKpiCard *self)
{
  g_return_val_if_fail (TENURE_IS_KPI_CARD (self), NULL);

  return self->explanation;
}

void
tenure_kpi_card_set_explanation (TenureKpiCard *self,
                                 const char    *explanation)
{
  g_return_if_fail (TENURE_IS_KPI_CARD (self));

  if (g_strcmp0 (explanation, self->explanation) == 0)
    return;

  g_free (self->explanation);
  self->explanation = g_strdup (explanation);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), explanation);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPLANATION]);
}

/**
 * tenure_kpi_card_set_trend:
 * @trend: (nullable): the figure over the last months, its first series drawn
 *
 * Shows @trend as a sparkline under the figure; %NULL hides it.
 */
void
tenure_kpi_card_set_trend (TenureKpiCard   *self,
                           TenureChartData *trend)
{
  g_return_if_fail (TENURE_IS_KPI_CARD (self));
  g_return_if_fail (!trend || TENURE_IS_CHART_DATA (trend));

  tenure_chart_set_data (TENURE_CHART (self->sparkline), trend);
  gtk_widget_set_visible (self->sparkline, trend != NULL);
}

/* The card's sparkline, to set its title (its accessible name) or read its data. */
GtkWidget *
tenure_kpi_card_get_sparkline (TenureKpiCard *self)
{
  g_return_val_if_fail (TENURE_IS_KPI_CARD (self), NULL);

  return self->sparkline;
}

/**
 * tenure_kpi_card_set_extra:
 * @extra: (nullable) (transfer floating): a widget under the figure, such as a button
 *   leading to the details
 */
void
tenure_kpi_card_set_extra (TenureKpiCard *self,
                           GtkWidget     *extra)
{
  g_return_if_fail (TENURE_IS_KPI_CARD (self));
  g_return_if_fail (!extra || gtk_widget_get_parent (extra) == NULL);

  if (self->extra != NULL)
    gtk_box_remove (GTK_BOX (self->box), self->extra);
  self->extra = extra;
  if (extra == NULL)
    return;

  gtk_widget_set_margin_top (extra, 6);
  gtk_box_append (GTK_BOX (self->box), extra);
}
