/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences: the style (GSettings), then the open workspace's currency, gross margin
 * and report targets, saved through core and applied to the pages at once. */

#define G_LOG_DOMAIN "tenure-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-page.h"
#include "tenure-preferences-window.h"
#include "tenure-settings.h"
#include "tenure-window-private.h"

struct _TenurePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;

  GSettings            *settings;

  /* The workspace of the window the preferences belong to, or NULL. */
  TenureWindow         *window;
  TenureWorkspace      *workspace;
  AdwComboRow          *currency_row;
  GPtrArray            *number_rows;      /* of AdwActionRow, key in the widget name */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (TenurePreferencesWindow, tenure_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the style combo, in order. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (scheme, color_schemes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

/* Every page of the window reloads, so figures follow the new settings. */
static void
reload_pages (TenurePreferencesWindow *self)
{
  if (self->window == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->window->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tenure_page_queue_reload (TENURE_PAGE (child));
}

static void
show_error (TenurePreferencesWindow *self,
            const GError            *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (error->message));
  g_debug ("%s", error->message);
}

/* A connection that may write: the pages' connections are read-only. */
static TenureDb *
open_db (TenurePreferencesWindow  *self,
         GError                  **error)
{
  return tenure_db_open (tenure_workspace_get_path (self->workspace), TENURE_DB_OPEN_DEFAULT,
                         error);
}

/* Reads the workspace's values into the rows, without writing them back. */
static void
load_workspace_settings (TenurePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = open_db (self, &error);
  g_autofree char *currency = NULL;
  const char * const *currencies = tenure_settings_get_currencies ();

  if (db == NULL)
    {
      show_error (self, error);
      return;
    }

  self->loading = TRUE;

  currency = tenure_settings_get_currency (db);
  for (guint i = 0; currencies[i] != NULL; i++)
    if (g_str_equal (currencies[i], currency))
      adw_combo_row_set_selected (self->currency_row, i);

  for (guint i = 0; i < self->number_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->number_rows, i);
      GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "spin");

      gtk_spin_button_set_value (spin, tenure_settings_get_number (db, gtk_widget_get_name (row)));
    }

  self->loading = FALSE;
}

static void
currency_selected_cb (TenurePreferencesWindow *self)
{
  const char * const *currencies = tenure_settings_get_currencies ();
  guint selected = adw_combo_row_get_selected (self->currency_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;

  if (self->loading || self->workspace == NULL ||
      selected >= g_strv_length ((char **) currencies))
    return;

  db = open_db (self, &error);
  if (db == NULL || !tenure_settings_set_currency (db, currencies[selected], &error))
    {
      show_error (self, error);
      return;
    }

  reload_pages (self);
}

static void
number_changed_cb (GtkSpinButton           *spin,
                   TenurePreferencesWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (spin), "row");
  const char *key = gtk_widget_get_name (row);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;

  if (self->loading || self->workspace == NULL)
    return;

  db = open_db (self, &error);
  if (db == NULL || !tenure_settings_set_number (db, key, gtk_spin_button_get_value (spin),
                                                 &error))
    {
      show_error (self, error);
      load_workspace_settings (self);
      return;
    }

  reload_pages (self);
}

static GtkWidget *
create_number_row (TenurePreferencesWindow   *self,
                   const TenureNumberSetting *setting)
{
  GtkWidget *row = adw_action_row_new ();
  GtkAdjustment *adjustment = gtk_adjustment_new (setting->fallback, setting->minimum,
                                                  setting->maximum, setting->step,
                                                  setting->step * 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, setting->step, setting->digits);

  gtk_widget_set_name (row, setting->key);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(setting->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(setting->description));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(setting->title),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_object_set_data (G_OBJECT (spin), "row", row);
  g_signal_connect (spin, "value-changed", G_CALLBACK (number_changed_cb), self);
  g_ptr_array_add (self->number_rows, row);

  return row;
}

/* The groups of the workspace settings, under the existing ones. */
static void
add_workspace_groups (TenurePreferencesWindow *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self->style_row),
                                             ADW_TYPE_PREFERENCES_PAGE);
  const char * const *currencies = tenure_settings_get_currencies ();
  g_autoptr(GtkStringList) currency_names = gtk_string_list_new (NULL);
  AdwPreferencesGroup *company = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *targets = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const TenureNumberSetting *numbers;
  const char *unavailable = NULL;
  guint n_numbers;

  /* Translators: the currencies offered, by their ISO codes. */
  static const char * const currency_labels[] = {
    N_("Euro (EUR)"), N_("US dollar (USD)"), N_("Pound sterling (GBP)"),
    N_("Swiss franc (CHF)"), N_("Canadian dollar (CAD)"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (currency_labels) == 5);
  for (guint i = 0; currencies[i] != NULL && i < G_N_ELEMENTS (currency_labels); i++)
    gtk_string_list_append (currency_names, _(currency_labels[i]));

  adw_preferences_group_set_title (company, _("Company"));
  adw_preferences_group_set_title (targets, _("Report Targets"));
  adw_preferences_group_set_description (targets,
    _("The monthly report shows each figure green when it meets its target, amber when "
      "it is close and red when it is far."));

  self->currency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("_Currency"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->currency_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->currency_row),
                               _("The currency of the amounts you import"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currency_names));
  g_signal_connect_swapped (self->currency_row, "notify::selected",
                            G_CALLBACK (currency_selected_cb), self);
  adw_preferences_group_add (company, GTK_WIDGET (self->currency_row));

  numbers = tenure_settings_get_numbers (&n_numbers);
  for (guint i = 0; i < n_numbers; i++)
    {
      GtkWidget *row = create_number_row (self, &numbers[i]);

      if (g_str_equal (numbers[i].key, TENURE_SETTINGS_GROSS_MARGIN_KEY))
        adw_preferences_group_add (company, row);
      else
        adw_preferences_group_add (targets, row);
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), company);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), targets);

  if (self->workspace == NULL)
    unavailable = _("Open a workspace to change its settings.");
  else if (tenure_workspace_get_read_only (self->workspace))
    unavailable = _("This workspace is read-only: its settings cannot be changed.");

  if (unavailable != NULL)
    {
      adw_preferences_group_set_description (company, unavailable);
      gtk_widget_set_sensitive (GTK_WIDGET (company), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (targets), FALSE);
    }

  if (self->workspace != NULL)
    load_workspace_settings (self);
}

static void
tenure_preferences_window_dispose (GObject *object)
{
  TenurePreferencesWindow *self = (TenurePreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TENURE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->number_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tenure_preferences_window_parent_class)->dispose (object);
}

static void
tenure_preferences_window_class_init (TenurePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenurePreferencesWindow, style_row);
}

static void
tenure_preferences_window_init (TenurePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->number_rows = g_ptr_array_new ();

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
}

GtkWidget *
tenure_preferences_window_new (GtkWindow *parent)
{
  TenurePreferencesWindow *self = g_object_new (TENURE_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", parent,
                                                NULL);

  if (TENURE_IS_WINDOW (parent))
    {
      g_set_weak_pointer (&self->window, TENURE_WINDOW (parent));
      g_set_object (&self->workspace, tenure_window_get_workspace (TENURE_WINDOW (parent)));
    }

  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
  add_workspace_groups (self);

  return GTK_WIDGET (self);
}
