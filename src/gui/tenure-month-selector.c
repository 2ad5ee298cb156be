/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Picks the month every page shows, within the months a workspace offers. */

#define G_LOG_DOMAIN "tenure-month-selector"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-month-selector.h"

struct _TenureMonthSelector
{
  GtkWidget      parent_instance;

  GtkMenuButton *month_button;
  GtkGrid       *month_grid;
  GtkLabel      *year_label;
  GtkWidget     *month_buttons[12];

  int            month;
  int            first_month;
  int            last_month;
  int            shown_year;     /* the year the popover shows */
};

G_DEFINE_FINAL_TYPE (TenureMonthSelector, tenure_month_selector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIRST_MONTH,
  PROP_LAST_MONTH,
  PROP_MONTH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
capitalize (char *text)
{
  gunichar first;
  char buf[8];
  int len;

  if (text == NULL || *text == '\0')
    return text;

  first = g_utf8_get_char (text);
  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  if (len == g_utf8_next_char (text) - text)
    memcpy (text, buf, len);

  return text;
}

/**
 * tenure_month_selector_format_month:
 *
 * Returns: "October 2026" for TENURE_MONTH (2026, 10), in the user's language and written
 * as that language writes it inside a sentence ("octobre 2026" in French); the month
 * button alone capitalises it.
 */
char *
tenure_month_selector_format_month (int month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (TENURE_MONTH_YEAR (month),
                                                   TENURE_MONTH_MON (month), 1, 0, 0, 0);

  if (date == NULL)
    return g_strdup ("");

  /* Translators: a month and its year on the month button, see the strftime() manual;
   * %OB is the month's name on its own (nominative) */
  return g_date_time_format (date, _("%OB %Y"));
}

static char *
format_short_month (int mon)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2000, mon, 1, 0, 0, 0);

  /* %Ob: the abbreviated month name on its own */
  return capitalize (g_date_time_format (date, "%Ob"));
}

static gboolean
has_range (TenureMonthSelector *self)
{
  return self->first_month > 0 && self->first_month <= self->last_month;
}

static void
update_popover (TenureMonthSelector *self)
{
  g_autofree char *year = g_strdup_printf ("%d", self->shown_year);
  int first_year = TENURE_MONTH_YEAR (self->first_month);
  int last_year = TENURE_MONTH_YEAR (self->last_month);

  gtk_label_set_label (self->year_label, year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "month-selector.previous-year",
                                 has_range (self) && self->shown_year > first_year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "month-selector.next-year",
                                 has_range (self) && self->shown_year < last_year);

  for (int mon = 1; mon <= 12; mon++)
    {
      int month = TENURE_MONTH (self->shown_year, mon);
      GtkWidget *button = self->month_buttons[mon - 1];

      gtk_widget_set_sensitive (button, has_range (self) &&
                                        month >= self->first_month &&
                                        month <= self->last_month);
      if (month == self->month)
        {
          gtk_widget_remove_css_class (button, "flat");
          gtk_widget_add_css_class (button, "suggested-action");
        }
      else
        {
          gtk_widget_remove_css_class (button, "suggested-action");
          gtk_widget_add_css_class (button, "flat");
        }
    }
}

static void
update (TenureMonthSelector *self)
{
  g_autofree char *label = NULL;

  if (self->month > 0)
    label = capitalize (tenure_month_selector_format_month (self->month));

  gtk_menu_button_set_label (self->month_button, label != NULL ? label : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "month-selector.previous",
                                 has_range (self) && self->month > self->first_month);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "month-selector.next",
                                 has_range (self) && self->month < self->last_month);
  gtk_widget_set_sensitive (GTK_WIDGET (self->month_button), has_range (self));

  self->shown_year = TENURE_MONTH_YEAR (self->month);
  update_popover (self);
}

static void
month_clicked_cb (TenureMonthSelector *self,
                  GtkButton           *button)
{
  int mon = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mon"));

  tenure_month_selector_set_month (self, TENURE_MONTH (self->shown_year, mon));
  gtk_menu_button_popdown (self->month_button);
}

static void
popover_show_cb (TenureMonthSelector *self)
{
  self->shown_year = TENURE_MONTH_YEAR (self->month);
  update_popover (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TenureMonthSelector *self = TENURE_MONTH_SELECTOR (widget);

  tenure_month_selector_set_month (self, self->month - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TenureMonthSelector *self = TENURE_MONTH_SELECTOR (widget);

  tenure_month_selector_set_month (self, self->month + 1);
}

static void
previous_year_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TenureMonthSelector *self = TENURE_MONTH_SELECTOR (widget);

  self->shown_year--;
  update_popover (self);
}

static void
next_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TenureMonthSelector *self = TENURE_MONTH_SELECTOR (widget);

  self->shown_year++;
  update_popover (self);
}

static void
tenure_month_selector_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_MONTH_SELECTOR);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tenure_month_selector_parent_class)->dispose (object);
}

static void
tenure_month_selector_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TenureMonthSelector *self = TENURE_MONTH_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_FIRST_MONTH:
      g_value_set_int (value, self->first_month);
      break;

    case PROP_LAST_MONTH:
      g_value_set_int (value, self->last_month);
      break;

    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_month_selector_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TenureMonthSelector *self = TENURE_MONTH_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_FIRST_MONTH:
      tenure_month_selector_set_range (self, g_value_get_int (value), self->last_month);
      break;

    case PROP_LAST_MONTH:
      tenure_month_selector_set_range (self, self->first_month, g_value_get_int (value));
      break;

    case PROP_MONTH:
      tenure_month_selector_set_month (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_month_selector_class_init (TenureMonthSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_month_selector_dispose;
  object_class->get_property = tenure_month_selector_get_property;
  object_class->set_property = tenure_month_selector_set_property;

  properties [PROP_FIRST_MONTH] =
    g_param_spec_int ("first-month", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_MONTH] =
    g_param_spec_int ("last-month", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A TENURE_MONTH () index, kept between first-month and last-month. */
  properties [PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-month-selector.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthselector");
  gtk_widget_class_bind_template_child (widget_class, TenureMonthSelector, month_button);
  gtk_widget_class_bind_template_child (widget_class, TenureMonthSelector, month_grid);
  gtk_widget_class_bind_template_child (widget_class, TenureMonthSelector, year_label);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);

  gtk_widget_class_install_action (widget_class, "month-selector.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "month-selector.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "month-selector.previous-year", NULL,
                                   previous_year_action);
  gtk_widget_class_install_action (widget_class, "month-selector.next-year", NULL,
                                   next_year_action);
}

static void
tenure_month_selector_init (TenureMonthSelector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int mon = 1; mon <= 12; mon++)
    {
      g_autofree char *label = format_short_month (mon);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "mon", GINT_TO_POINTER (mon));
      g_signal_connect_object (button, "clicked", G_CALLBACK (month_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (self->month_grid, button, (mon - 1) % 3, (mon - 1) / 3, 1, 1);
      self->month_buttons[mon - 1] = button;
    }

  update (self);
}

int
tenure_month_selector_get_month (TenureMonthSelector *self)
{
  g_return_val_if_fail (TENURE_IS_MONTH_SELECTOR (self), 0);

  return self->month;
}

void
tenure_month_selector_set_month (TenureMonthSelector *self,
                                 int                  month)
{
  g_return_if_fail (TENURE_IS_MONTH_SELECTOR (self));

  if (has_range (self))
    month = CLAMP (month, self->first_month, self->last_month);

  if (month == self->month)
    return;

  self->month = month;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MONTH]);
}

/* The months offered, both included; the month is moved inside them. */
void
tenure_month_selector_set_range (TenureMonthSelector *self,
                                 int                  first_month,
                                 int                  last_month)
{
  g_return_if_fail (TENURE_IS_MONTH_SELECTOR (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->first_month != first_month)
    {
      self->first_month = first_month;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIRST_MONTH]);
    }
  if (self->last_month != last_month)
    {
      self->last_month = last_month;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_MONTH]);
    }

  if (has_range (self) && (self->month < first_month || self->month > last_month))
    tenure_month_selector_set_month (self, self->month);
  else
    update (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/* The text of the month button, "October 2026". */
const char *
tenure_month_selector_get_label (TenureMonthSelector *self)
{
  g_return_val_if_fail (TENURE_IS_MONTH_SELECTOR (self), NULL);

  return gtk_menu_button_get_label (self->month_button);
}
