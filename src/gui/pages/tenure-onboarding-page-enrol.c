/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Onboarding page's enrolments: switching a segment's automatic enrolment on from a
 * signup month, and the picker of accounts to enrol by hand, both applied off the main
 * thread as one undoable edit. */

#define G_LOG_DOMAIN "tenure-onboarding-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-onboarding-page-private.h"

/* Months the automatic enrolment dialog offers, the selected month first. */
#define N_SINCE_MONTHS 24

/* Accounts the picker lists at a time. */
#define PICKER_LIMIT 100

/* "1 October 2026", in the user's language. */
char *
_tenure_onboarding_page_format_day (gint32 day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  tenure_civil_from_days (day, &year, &month, &mday);
  date = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  if (date == NULL)
    return g_strdup ("—");

  /* Translators: a day as g_date_time_format() writes it, "1 October 2026" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static gint32
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return tenure_days_from_civil (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now));
}

/* Running an enrolment */

typedef struct
{
  TenureScenarioEditor *editor;
  gint64                scenario_id;
  char                 *segment;      /* NULL: enrol the accounts */
  gint32                since;
  GArray               *account_ids;  /* gint64 */
  gint32                today;
} EnrolJob;

static void
enrol_job_free (EnrolJob *job)
{
  g_clear_object (&job->editor);
  g_free (job->segment);
  g_clear_pointer (&job->account_ids, g_array_unref);
  g_free (job);
}

/* In the worker: the editor is ours until the task ends (the page waits for it and does
 * not touch the editor meanwhile; its handlers are blocked). */
static void
enrol_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  EnrolJob *job = task_data;
  TenureDb *db = tenure_scenario_editor_get_db (job->editor);
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gboolean ok;

  /* Off the main thread, the enrolment may wait for another program's lock as the
   * command line does; the editor's edits on the main thread then wait no more. */
  tenure_db_set_busy_timeout (db, TENURE_DB_BUSY_TIMEOUT_MS);
  if (job->segment != NULL)
    ok = tenure_scenario_editor_set_auto_enrolment (job->editor, job->scenario_id, job->segment,
                                                    job->since, &n, &error);
  else
    ok = tenure_scenario_editor_enrol_accounts (job->editor, job->scenario_id,
                                                (const gint64 *) job->account_ids->data,
                                                job->account_ids->len, job->today, &n, &error);
  tenure_db_set_busy_timeout (db, TENURE_WORKSPACE_EDIT_WAIT_MS);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

static void
set_enrolling (TenureOnboardingPage *self,
               gboolean              enrolling)
{
  self->enrolling = enrolling;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "onboarding.redo", FALSE);
  if (enrolling)
    g_signal_handlers_block_matched (self->editor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  else
    g_signal_handlers_unblock_matched (self->editor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                       self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->designer), !enrolling);
  gtk_widget_set_visible (GTK_WIDGET (self->enrol_spinner), enrolling);
  gtk_spinner_set_spinning (self->enrol_spinner, enrolling);
}

static void
enrol_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TenureOnboardingPage) self = user_data;
  EnrolJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gssize n;

  n = g_task_propagate_int (G_TASK (result), &error);
  if (self->enrol_task != G_TASK (result))
    return;
  self->enrol_task = NULL;

  set_enrolling (self, FALSE);
  _tenure_onboarding_page_edited (self);
  if (n < 0)
    {
      _tenure_onboarding_page_show_toast (self, error->message, FALSE);
      return;
    }

  if (job->segment != NULL && n == 0)
    {
      g_autofree char *since = _tenure_onboarding_page_format_day (job->since);

      /* Translators: %s is a segment, the second %s a day */
      message = g_strdup_printf (_("No %s signup since %s to enrol yet: new ones are enrolled "
                                   "as they are imported"), job->segment, since);
    }
  else
    /* Translators: a toast after enrolling customers in an onboarding scenario */
    message = g_strdup_printf (ngettext ("%u customer enrolled", "%u customers enrolled",
                                         (gulong) n), (guint) n);
  _tenure_onboarding_page_show_toast (self, message, TRUE);
}

static void
run_enrolment (TenureOnboardingPage *self,
               EnrolJob             *job)
{
  g_autoptr(GTask) task = NULL;

  job->editor = g_object_ref (self->editor);
  task = g_task_new (NULL, NULL, enrol_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) enrol_job_free);
  set_enrolling (self, TRUE);
  self->enrol_task = task;
  g_task_run_in_thread (task, enrol_worker);
}

/* The workspace goes away while an enrolment runs: its connection is closed when the
 * worker is done with it, and the page forgets the enrolment. */
void
_tenure_onboarding_page_abandon_enrolment (TenureOnboardingPage *self)
{
  if (self->enrol_task == NULL)
    return;

  if (self->edit_db != NULL)
    g_object_set_data_full (G_OBJECT (self->enrol_task), "edit-db",
                            g_steal_pointer (&self->edit_db), (GDestroyNotify) tenure_db_close);
  self->enrol_task = NULL;
  set_enrolling (self, FALSE);
}

/* Automatic enrolment */

static gint32
dialog_since (AdwMessageDialog *dialog)
{
  GtkDropDown *months = g_object_get_data (G_OBJECT (dialog), "months");
  int first = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "first-month"));
  guint selected = gtk_drop_down_get_selected (months);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  return tenure_month_first_day (first - (int) selected);
}

/* The sentence says exactly what will happen. */
static void
update_auto_body (AdwMessageDialog *dialog)
{
  const char *segment = g_object_get_data (G_OBJECT (dialog), "segment");
  g_autofree char *since = _tenure_onboarding_page_format_day (dialog_since (dialog));
  g_autofree char *body = NULL;

  /* Translators: %s is a segment ("Enterprise"), the second %s a day ("1 October 2026") */
  body = g_strdup_printf (_("New %s signups from %s are enrolled automatically, each from its "
                            "signup day. Later imports enrol the new %s signups while the "
                            "scenario is active."),
                          segment, since, segment);
  adw_message_dialog_set_body (dialog, body);
}

static void
auto_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (user_data);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "scenario-id");
  EnrolJob *job;

  if (g_strcmp0 (response, "enrol") != 0 || !_tenure_onboarding_page_can_edit (self) ||
      self->enrolling)
    {
      /* The segment row goes back to what the scenario has. */
      tenure_onboarding_page_open_scenario (self, self->open_scenario);
      return;
    }

  job = g_new0 (EnrolJob, 1);
  job->scenario_id = id;
  job->segment = g_strdup (g_object_get_data (G_OBJECT (dialog), "segment"));
  job->since = dialog_since (dialog);
  run_enrolment (self, job);
}

static void
designer_enrol_segment_cb (TenureOnboardingPage *self,
                           const char           *segment)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *dropdown;
  gint64 id = self->open_scenario;

  if (!_tenure_onboarding_page_can_edit (self) || id == 0 || self->enrolling)
    return;

  /* Translators: %s is a segment, "Enterprise" */
  heading = g_strdup_printf (_("Enrol New %s Customers Automatically?"), segment);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   NULL);

  for (int i = 0; i < N_SINCE_MONTHS; i++)
    {
      g_autofree char *text = _tenure_onboarding_page_format_day (
        tenure_month_first_day (self->loaded_month - i));

      gtk_string_list_append (months, text);
    }
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new_with_mnemonic (_("_Signups from"));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&months)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "segment", g_strdup (segment), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "scenario-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (dialog), "months", dropdown);
  g_object_set_data (G_OBJECT (dialog), "first-month", GINT_TO_POINTER (self->loaded_month));
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (update_auto_body), dialog);
  update_auto_body (ADW_MESSAGE_DIALOG (dialog));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "enrol", _("_Enrol Automatically"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "enrol",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "enrol");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (auto_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The account picker */

typedef struct
{
  TenureOnboardingPage *page;
  GtkWindow            *window;
  GtkSearchEntry       *search;
  GtkListBox           *list;
  GtkLabel             *caption;
  GtkWidget            *enrol_button;
  GtkStack             *stack;
  GCancellable         *cancellable;
  GHashTable           *chosen;    /* account id (gint64 *) → itself */
  gint64                scenario_id;
} Picker;

static void
picker_free (Picker *picker)
{
  g_cancellable_cancel (picker->cancellable);
  g_clear_object (&picker->cancellable);
  g_clear_pointer (&picker->chosen, g_hash_table_unref);
  g_clear_object (&picker->page);
  g_free (picker);
}

typedef struct
{
  TenureWorkspace *workspace;
  gint64           scenario_id;
  char            *search;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_object (&data->workspace);
  g_free (data->search);
  g_free (data);
}

static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts;

  db = tenure_workspace_open_db (data->workspace, &error);
  accounts = db != NULL ? tenure_scenario_find_accounts (db, data->scenario_id, data->search,
                                                         PICKER_LIMIT, &error)
                        : NULL;
  if (accounts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
}

static void
update_enrol_button (Picker *picker)
{
  guint n = g_hash_table_size (picker->chosen);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("_Enrol"));
  else
    /* Translators: the picker's button, with the number of customers chosen */
    label = g_strdup_printf (ngettext ("_Enrol %u Customer", "_Enrol %u Customers", n), n);
  gtk_button_set_label (GTK_BUTTON (picker->enrol_button), label);
  gtk_widget_set_sensitive (picker->enrol_button, n > 0);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Picker         *picker)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "account-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (picker->chosen, g_memdup2 (id, sizeof *id));
  else
    g_hash_table_remove (picker->chosen, id);
  update_enrol_button (picker);
}

static GtkWidget *
create_account_row (Picker                      *picker,
                    const TenureScenarioAccount *account)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GString *subtitle = g_string_new (account->external_id);
  g_autofree char *subtitle_text = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 account->name != NULL ? account->name : account->external_id);
  if (account->segment != NULL)
    g_string_append_printf (subtitle, " · %s", account->segment);
  if (account->signup != TENURE_SCENARIO_NO_DAY)
    {
      g_autofree char *day = _tenure_onboarding_page_format_day (account->signup);

      /* Translators: %s is a day */
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("signed up %s"), day);
    }
  if (account->enrolled)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("enrolled already"));
    }
  subtitle_text = g_string_free (subtitle, FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);

  g_object_set_data_full (G_OBJECT (check), "account-id",
                          g_memdup2 (&account->id, sizeof account->id), g_free);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               account->enrolled ||
                               g_hash_table_contains (picker->chosen, &account->id));
  gtk_widget_set_sensitive (check, !account->enrolled);
  gtk_widget_set_sensitive (row, !account->enrolled);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), picker);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Picker *picker = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  accounts = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (picker->list))) != NULL)
    gtk_list_box_remove (picker->list, child);

  if (accounts == NULL)
    {
      gtk_label_set_text (picker->caption, error->message);
      gtk_stack_set_visible_child_name (picker->stack, "list");
      return;
    }

  for (guint i = 0; i < accounts->len; i++)
    gtk_list_box_append (picker->list, create_account_row (picker,
                                                           g_ptr_array_index (accounts, i)));

  if (accounts->len == 0)
    gtk_stack_set_visible_child_name (picker->stack, "empty");
  else
    gtk_stack_set_visible_child_name (picker->stack, "list");

  if (accounts->len >= PICKER_LIMIT)
    gtk_label_set_text (picker->caption,
                        /* Translators: the account picker's caption */
                        _("The 100 newest signups that match are shown: type a name or an "
                          "account ID to find others. Each customer starts the scenario on "
                          "their signup day."));
  else
    gtk_label_set_text (picker->caption,
                        _("Newest signups first. Each customer starts the scenario on their "
                          "signup day."));
}

static void
picker_search (Picker *picker)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;
  TenureWorkspace *workspace = tenure_page_get_workspace (TENURE_PAGE (picker->page));

  if (workspace == NULL)
    return;

  g_cancellable_cancel (picker->cancellable);
  g_clear_object (&picker->cancellable);
  picker->cancellable = g_cancellable_new ();

  data = g_new0 (SearchData, 1);
  data->workspace = g_object_ref (workspace);
  data->scenario_id = picker->scenario_id;
  data->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (picker->search)));
  task = g_task_new (NULL, picker->cancellable, search_cb, picker);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_worker);
}

static void
enrol_clicked_cb (Picker *picker)
{
  TenureOnboardingPage *self = picker->page;
  GHashTableIter iter;
  gint64 *id;
  EnrolJob *job;

  if (!_tenure_onboarding_page_can_edit (self) || self->enrolling ||
      g_hash_table_size (picker->chosen) == 0)
    return;

  job = g_new0 (EnrolJob, 1);
  job->scenario_id = picker->scenario_id;
  job->today = today ();
  job->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, picker->chosen);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_array_append_val (job->account_ids, *id);
  run_enrolment (self, job);
  gtk_window_destroy (picker->window);
}

static void
enrol_accounts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  Picker *picker;
  GtkWidget *window, *toolbar, *header, *button, *clamp, *box, *scrolled, *status, *spinner;
  GtkWidget *title;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autofree char *subtitle = NULL;

  if (!_tenure_onboarding_page_can_edit (self) || self->open_scenario == 0 || self->enrolling)
    return;
  scenario = tenure_scenario_load (self->edit_db, self->open_scenario, NULL);
  if (scenario == NULL)
    return;

  picker = g_new0 (Picker, 1);
  picker->page = g_object_ref (self);
  picker->scenario_id = self->open_scenario;
  picker->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  window = adw_window_new ();
  picker->window = GTK_WINDOW (window);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 560);
  gtk_window_set_title (GTK_WINDOW (window), _("Enrol Customers"));
  g_object_set_data_full (G_OBJECT (window), "picker", picker, (GDestroyNotify) picker_free);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  /* Translators: %s is the name of a scenario */
  subtitle = g_strdup_printf (_("In “%s”"), scenario->name);
  title = adw_window_title_new (_("Enrol Customers"), subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  picker->enrol_button = gtk_button_new_with_mnemonic (_("_Enrol"));
  gtk_button_set_use_underline (GTK_BUTTON (picker->enrol_button), TRUE);
  gtk_widget_add_css_class (picker->enrol_button, "suggested-action");
  g_signal_connect_swapped (picker->enrol_button, "clicked", G_CALLBACK (enrol_clicked_cb),
                            picker);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), picker->enrol_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  picker->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (picker->search, "placeholder-text", _("Search by name or account ID"), NULL);
  g_signal_connect_swapped (picker->search, "search-changed", G_CALLBACK (picker_search), picker);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->search));
  picker->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (picker->caption, TRUE);
  gtk_label_set_xalign (picker->caption, 0);
  gtk_widget_add_css_class (GTK_WIDGET (picker->caption), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->caption));

  picker->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (picker->stack), TRUE);
  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (picker->stack, spinner, "loading");
  picker->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (picker->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (picker->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (picker->list), GTK_ALIGN_START);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (picker->list));
  gtk_stack_add_named (picker->stack, scrolled, "list");
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-search-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Matching Customer"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Try another name or account ID"));
  gtk_widget_add_css_class (status, "compact");
  gtk_stack_add_named (picker->stack, status, "empty");
  gtk_stack_set_visible_child_name (picker->stack, "loading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->stack));

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_box_append (GTK_BOX (toolbar), clamp);
  adw_window_set_content (ADW_WINDOW (window), toolbar);

  update_enrol_button (picker);
  picker_search (picker);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (picker->search));
}

void
_tenure_onboarding_page_enrol_init (TenureOnboardingPage *self)
{
  g_signal_connect_object (self->designer, "enrol-segment",
                           G_CALLBACK (designer_enrol_segment_cb), self, G_CONNECT_SWAPPED);
}

void
_tenure_onboarding_page_class_enrol_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "onboarding.enrol-accounts", NULL,
                                   enrol_accounts_action);
}

/* Whether an enrolment is being applied, for tests. */
gboolean
tenure_onboarding_page_get_enrolling (TenureOnboardingPage *self)
{
  g_return_val_if_fail (TENURE_IS_ONBOARDING_PAGE (self), FALSE);

  return self->enrolling;
}
