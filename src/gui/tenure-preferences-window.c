/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the GSettings of Tenure (the style) and changes them as the user picks; with a
 * workspace open, its currency, gross margin and report targets, and the weights of its
 * health score with their back-test, saved through core and applied live. */

#define G_LOG_DOMAIN "tenure-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-accounts-page.h"
#include "tenure-format.h"
#include "tenure-health.h"
#include "tenure-page.h"
#include "tenure-preferences-window.h"
#include "tenure-settings.h"
#include "tenure-window-private.h"

struct _TenurePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwPreferencesPage   *health_page;
  AdwPreferencesGroup  *weights_group;
  AdwPreferencesGroup  *backtest_group;
  GtkSpinner           *backtest_spinner;

  GSettings            *settings;

  /* The health score of the open workspace (none: no health page). */
  TenureWorkspace      *workspace;
  GtkSpinButton        *weights[TENURE_HEALTH_N_COMPONENTS];
  char                 *backtest_text;
  AdwActionRow         *backtest_rows[TENURE_HEALTH_N_BANDS];
  GtkLabel             *backtest_values[TENURE_HEALTH_N_BANDS];
  GCancellable         *cancellable;
  gboolean              loaded;      /* the spin buttons show the workspace's weights */
  gboolean              pending;     /* weights changed while a save was running */
  guint                 updating;

  /* The currency, gross margin and report targets of the open workspace. */
  AdwComboRow          *currency_row;
  GPtrArray            *number_rows;      /* of AdwActionRow, key in the widget name */
  gboolean              settings_loading;
};

G_DEFINE_FINAL_TYPE (TenurePreferencesWindow, tenure_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Identifies our GTasks (a function pointer is not a gpointer in ISO C). */
static char health_tag;

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

/* Health score weights */

typedef struct
{
  TenureWorkspace *workspace;
  int              month;
  gboolean         save;
  double           weights[TENURE_HEALTH_N_COMPONENTS];
} HealthData;

static void
health_data_free (gpointer data)
{
  HealthData *health = data;

  g_clear_object (&health->workspace);
  g_free (health);
}

/* Saves the weights when asked (with a connection that may write), then scores the
 * customers of three months ago with them: the back-test. */
static void
health_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  HealthData *health = task_data;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureHealthReport *report;

  if (health->save)
    {
      db = tenure_db_open (tenure_workspace_get_path (health->workspace),
                           TENURE_DB_OPEN_DEFAULT, &error);
      if (db == NULL || !tenure_health_weights_save (db, health->weights, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      db = tenure_workspace_open_db (health->workspace, &error);
      if (db == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  report = tenure_health_compute_with_weights (db, health->month, NULL,
                                               health->save ? health->weights : NULL,
                                               cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) tenure_health_report_free);
}

/* Every page of the windows showing our workspace scores again. */
static void
reload_pages (TenurePreferencesWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      TenureWindow *window;

      if (!TENURE_IS_WINDOW (toplevel))
        continue;
      window = TENURE_WINDOW (toplevel);
      if (window->workspace == NULL ||
          g_strcmp0 (tenure_workspace_get_path (window->workspace),
                     tenure_workspace_get_path (self->workspace)) != 0)
        continue;

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->pages_stack));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (TENURE_IS_PAGE (child))
          tenure_page_queue_reload (TENURE_PAGE (child));
    }
}

static char *
format_churned (double churned_pct)
{
  if (tenure_metrics_is_null (churned_pct))
    return g_strdup ("—");

  return tenure_format_percent (churned_pct, 0, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static void
set_backtest_text (TenurePreferencesWindow *self,
                   const char              *text)
{
  g_free (self->backtest_text);
  self->backtest_text = g_strdup (text);
  adw_preferences_group_set_description (self->backtest_group, text);
}

static void
show_backtest (TenurePreferencesWindow  *self,
               const TenureHealthReport *report)
{
  const double *churned = report->backtest_churned_pct;
  g_autofree char *month = tenure_format_month (report->month - 3, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *text = NULL;

  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    {
      g_autofree char *value = format_churned (churned[b]);
      /* Translators: a number of accounts and a month, "38 accounts in March 2026" */
      g_autofree char *title = g_strdup_printf (ngettext ("%u account in %s",
                                                          "%u accounts in %s",
                                                          report->backtest_accounts[b]),
                                                report->backtest_accounts[b], month);
      g_autofree char *label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->backtest_rows[b]), title);
      /* Translators: a share of accounts, "24 % stopped paying" */
      label = tenure_metrics_is_null (churned[b]) ? g_strdup (value)
                                                  : g_strdup_printf (_("%s stopped paying"),
                                                                     value);
      gtk_label_set_text (self->backtest_values[b], label);
    }

  if (tenure_metrics_is_null (churned[TENURE_HEALTH_RED]) ||
      tenure_metrics_is_null (churned[TENURE_HEALTH_GREEN]))
    text = g_strdup_printf (_("The back-test needs red and green accounts three months "
                              "before the selected month (%s). A useful score shows red "
                              "accounts stopping far more often than green ones."),
                            month);
  else
    {
      g_autofree char *red = format_churned (churned[TENURE_HEALTH_RED]);
      g_autofree char *green = format_churned (churned[TENURE_HEALTH_GREEN]);

      /* Translators: the shares of red and green accounts of three months ago that
       * no longer pay */
      text = g_strdup_printf (_("Of the accounts that were red three months ago, %s have "
                                "stopped paying; of the green ones, %s. A useful score "
                                "shows red churning far more than green."),
                              red, green);
    }
  set_backtest_text (self, text);
}

static void start_health_task (TenurePreferencesWindow *self,
                               gboolean                 save);

static void
health_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TenurePreferencesWindow) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  HealthData *health = g_task_get_task_data (G_TASK (result));
  g_autoptr(TenureHealthReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->cancellable)
    return;
  g_clear_object (&self->cancellable);

  if (self->pending)
    {
      self->pending = FALSE;
      start_health_task (self, TRUE);
      return;
    }

  gtk_spinner_set_spinning (self->backtest_spinner, FALSE);

  if (report == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why, e.g. "The workspace is being changed by another
       * program: wait for it to finish, then try again" */
      text = health->save ? g_strdup_printf (_("The weights were not saved. %s"), error->message)
                          : g_strdup (error->message);
      set_backtest_text (self, text);
      return;
    }

  if (!self->loaded)
    {
      self->updating++;
      for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
        gtk_spin_button_set_value (self->weights[i], report->weights[i]);
      self->updating--;
      self->loaded = TRUE;
    }
  if (health->save)
    reload_pages (self);

  show_backtest (self, report);
}

static void
start_health_task (TenurePreferencesWindow *self,
                   gboolean                 save)
{
  g_autoptr(GTask) task = NULL;
  HealthData *health = g_new0 (HealthData, 1);

  health->workspace = g_object_ref (self->workspace);
  health->month = tenure_workspace_get_month (self->workspace);
  health->save = save;
  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    health->weights[i] = gtk_spin_button_get_value (self->weights[i]);

  self->cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->backtest_spinner, TRUE);
  task = g_task_new (NULL, self->cancellable, health_cb, g_object_ref (self));
  g_task_set_source_tag (task, &health_tag);
  g_task_set_task_data (task, health, health_data_free);
  g_task_run_in_thread (task, health_worker);
}

static void
weight_changed_cb (TenurePreferencesWindow *self)
{
  double weights[TENURE_HEALTH_N_COMPONENTS];
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || !self->loaded)
    return;

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    weights[i] = gtk_spin_button_get_value (self->weights[i]);
  if (!tenure_health_weights_check (weights, &error))
    {
      set_backtest_text (self, error->message);
      return;
    }

  /* One save at a time, in order: a change during a save starts another after it. */
  if (self->cancellable != NULL)
    self->pending = TRUE;
  else
    start_health_task (self, TRUE);
}

static void
reset_weights_cb (TenurePreferencesWindow *self)
{
  self->updating++;
  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    gtk_spin_button_set_value (self->weights[i], tenure_health_default_weight (i));
  self->updating--;
  weight_changed_cb (self);
}

static void
setup_health (TenurePreferencesWindow *self)
{
  static const char * const help[TENURE_HEALTH_N_COMPONENTS] = {
    N_("Days with a session in the last 30 days"),
    N_("Jobs completed in the last 30 days"),
    N_("The latest NPS answer of the last 6 months"),
    N_("Share of strategic tickets in the last 90 days"),
    N_("Recurring revenue against 3 months ago"),
  };
  gboolean read_only = tenure_workspace_get_read_only (self->workspace);
  GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Reset"));

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (reset, _("Go back to the weights Tenure starts with"));
  gtk_widget_set_sensitive (reset, !read_only);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (reset_weights_cb), self);
  adw_preferences_group_set_header_suffix (self->weights_group, reset);

  if (read_only)
    adw_preferences_group_set_description (self->weights_group,
                                           _("This workspace is open read-only, so its "
                                             "weights cannot be changed. Open a copy you "
                                             "may write to change them."));
  else
    adw_preferences_group_set_description (self->weights_group,
                                           _("How much each part counts in an account’s "
                                             "health score. Changes apply at once to "
                                             "every page and are kept in the workspace."));

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tenure_health_component_name (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(help[i]));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), tenure_health_default_weight (i));
      gtk_widget_set_sensitive (spin, !read_only);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tenure_health_component_name (i), -1);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (weight_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->weights_group, row);
      self->weights[i] = GTK_SPIN_BUTTON (spin);
    }

  /* The explanation in plain words as the description, then a row per band, worst first. */
  tenure_accounts_page_ensure_style ();
  set_backtest_text (self, _("Scoring the accounts of three months ago…"));
  for (int b = TENURE_HEALTH_N_BANDS - 1; b >= 0; b--)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new ("—");
      /* Translators: a health band with a dot in front, such as "● Red" */
      g_autofree char *band = g_strdup_printf (_("● %s"), tenure_health_band_name (b));
      GtkWidget *pill = gtk_label_new (band);

      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (pill, 72, -1);
      gtk_widget_add_css_class (pill, "health-pill");
      gtk_widget_add_css_class (pill, tenure_health_band_key (b));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), pill);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "—");
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_widget_set_tooltip_text (row, _("Accounts of this band three months before the "
                                          "selected month, and the share of them that no "
                                          "longer pay"));
      adw_preferences_group_add (self->backtest_group, row);
      self->backtest_rows[b] = ADW_ACTION_ROW (row);
      self->backtest_values[b] = GTK_LABEL (value);
    }

  start_health_task (self, FALSE);
}

/* Currency, gross margin and report targets */

static void
show_error (TenurePreferencesWindow *self,
            const GError            *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (error->message));
  g_debug ("%s", error->message);
}

/* A connection that may write (the pages' connections are read-only), and does not wait
 * long for another program's lock: the settings are saved on the main thread. */
static TenureDb *
open_db (TenurePreferencesWindow  *self,
         GError                  **error)
{
  return tenure_workspace_open_edit_db (self->workspace, error);
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

  self->settings_loading = TRUE;

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

  self->settings_loading = FALSE;
}

/* Says under @row's title why its value was not saved (a toast would cut the sentence
 * at the window's width), or, with a NULL @error, what the row is again. */
static void
show_row_error (GtkWidget    *row,
                const GError *error)
{
  const char *description = g_object_get_data (G_OBJECT (row), "description");

  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_debug ("%s", error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_widget_add_css_class (row, "error");
    }
  else if (gtk_widget_has_css_class (row, "error"))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      gtk_widget_remove_css_class (row, "error");
    }
}

static void
currency_selected_cb (TenurePreferencesWindow *self)
{
  const char * const *currencies = tenure_settings_get_currencies ();
  guint selected = adw_combo_row_get_selected (self->currency_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;

  if (self->settings_loading || self->workspace == NULL ||
      selected >= g_strv_length ((char **) currencies))
    return;

  db = open_db (self, &error);
  if (db == NULL || !tenure_settings_set_currency (db, currencies[selected], &error))
    {
      show_row_error (GTK_WIDGET (self->currency_row), error);
      g_clear_pointer (&db, tenure_db_close);
      load_workspace_settings (self);
      return;
    }

  show_row_error (GTK_WIDGET (self->currency_row), NULL);
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

  if (self->settings_loading || self->workspace == NULL)
    return;

  db = open_db (self, &error);
  if (db == NULL || !tenure_settings_set_number (db, key, gtk_spin_button_get_value (spin),
                                                 &error))
    {
      /* The spin button shows the saved value again. */
      show_row_error (row, error);
      g_clear_pointer (&db, tenure_db_close);
      load_workspace_settings (self);
      return;
    }

  show_row_error (row, NULL);
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
  g_object_set_data (G_OBJECT (row), "description", (gpointer) _(setting->description));
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
  g_object_set_data (G_OBJECT (self->currency_row), "description",
                     (gpointer) _("The currency of the amounts you import"));
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

/* The health page shows the workspace of @parent, or goes when it has none. */
static void
set_parent_workspace (TenurePreferencesWindow *self,
                      GtkWindow               *parent)
{
  if (parent != NULL && TENURE_IS_WINDOW (parent) && TENURE_WINDOW (parent)->workspace != NULL)
    {
      self->workspace = g_object_ref (TENURE_WINDOW (parent)->workspace);
      setup_health (self);
    }
  else
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->health_page);
}

static void
tenure_preferences_window_dispose (GObject *object)
{
  TenurePreferencesWindow *self = (TenurePreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TENURE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->backtest_text, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, TenurePreferencesWindow, health_page);
  gtk_widget_class_bind_template_child (widget_class, TenurePreferencesWindow, weights_group);
  gtk_widget_class_bind_template_child (widget_class, TenurePreferencesWindow, backtest_group);
  gtk_widget_class_bind_template_child (widget_class, TenurePreferencesWindow, backtest_spinner);
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

/* Whether the health weights are still being read, saved or back-tested. */
gboolean
tenure_preferences_window_get_health_busy (TenurePreferencesWindow *self)
{
  g_return_val_if_fail (TENURE_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->cancellable != NULL || self->pending;
}

/* The weight spin button of @component, or NULL without a workspace. */
GtkSpinButton *
tenure_preferences_window_get_weight_button (TenurePreferencesWindow *self,
                                             guint                    component)
{
  g_return_val_if_fail (TENURE_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (component < TENURE_HEALTH_N_COMPONENTS, NULL);

  return self->weights[component];
}

/* The back-test in plain words, or NULL without a workspace. */
const char *
tenure_preferences_window_get_backtest_text (TenurePreferencesWindow *self)
{
  g_return_val_if_fail (TENURE_IS_PREFERENCES_WINDOW (self), NULL);

  return self->backtest_text;
}

GtkWidget *
tenure_preferences_window_new (GtkWindow *parent)
{
  TenurePreferencesWindow *self = g_object_new (TENURE_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", parent,
                                                NULL);

  set_parent_workspace (self, parent);
  add_workspace_groups (self);

  return GTK_WIDGET (self);
}
