/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import assistant: a CSV file is previewed and checked (a dry run) in a worker thread
 * after every choice, then imported with a progress bar; nothing is converted silently. */

#define G_LOG_DOMAIN "tenure-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-format.h"
#include "tenure-import-assistant.h"

/* Rows of the file shown in the preview table. */
#define PREVIEW_ROWS 8

struct _TenureImportAssistant
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *back_button;
  GtkWidget            *cancel_button;
  AdwActionRow         *check_row;
  GtkImage             *check_icon;
  GtkWidget            *choose_button;
  GtkLabel             *choose_error;
  AdwPreferencesGroup  *columns_group;
  GtkWidget            *copy_button;
  AdwComboRow          *date_row;
  AdwComboRow          *decimal_row;
  AdwStatusPage        *done_page;
  GtkWidget            *encoding_button;
  AdwActionRow         *encoding_row;
  GtkListBox           *errors_list;
  AdwActionRow         *format_row;
  GtkWidget            *import_button;
  AdwComboRow          *kind_row;
  GtkWidget            *options_group;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *preview_group;
  GtkProgressBar       *progress_bar;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  char                 *workspace;
  GFile                *file;
  char                 *path;
  TenureImportKind      kind;
  TenureImportOptions   options;

  TenureImportPreview  *preview;
  TenureImportResult   *check;
  TenureImportRecord   *previous;
  char                 *failure;
  TenureImportResult   *result;

  GPtrArray            *column_rows;  /* AdwActionRow, one per column of the file */
  GPtrArray            *dropdowns;    /* GtkDropDown, one per column */
  GCancellable         *check_cancellable;
  GCancellable         *import_cancellable;
  guint                 updating;     /* widgets set from code: ignore their signals */
};

G_DEFINE_FINAL_TYPE (TenureImportAssistant, tenure_import_assistant, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void run_check (TenureImportAssistant *self);

static const char *
kind_label (TenureImportKind kind)
{
  switch (kind)
    {
    case TENURE_IMPORT_KIND_ACCOUNTS:
      return _("Accounts");
    case TENURE_IMPORT_KIND_SUBSCRIPTIONS:
      return _("Subscriptions");
    case TENURE_IMPORT_KIND_EVENTS:
      return _("Usage events");
    case TENURE_IMPORT_KIND_RESPONSES:
      return _("Survey responses");
    case TENURE_IMPORT_KIND_SPEND:
      return _("Acquisition spend");
    case TENURE_IMPORT_KIND_TICKETS:
      return _("Support tickets");
    case TENURE_IMPORT_KIND_ANSWERS:
      return _("Signup answers");
    case TENURE_IMPORT_KIND_NONE:
    default:
      return _("Choose…");
    }
}

/* "1 240 subscriptions imported": the count is already formatted. */
static char *
format_loaded (TenureImportKind  kind,
               guint64           rows)
{
  g_autofree char *count = tenure_format_number ((double) rows, 0, TENURE_FORMAT_NONE,
                                                 TENURE_LANGUAGE_DEFAULT);
  gulong n = (gulong) MIN (rows, G_MAXULONG);

  switch (kind)
    {
    case TENURE_IMPORT_KIND_ACCOUNTS:
      return g_strdup_printf (ngettext ("%s account imported", "%s accounts imported", n), count);
    case TENURE_IMPORT_KIND_SUBSCRIPTIONS:
      return g_strdup_printf (ngettext ("%s subscription imported",
                                        "%s subscriptions imported", n), count);
    case TENURE_IMPORT_KIND_EVENTS:
      return g_strdup_printf (ngettext ("%s event imported", "%s events imported", n), count);
    case TENURE_IMPORT_KIND_RESPONSES:
      return g_strdup_printf (ngettext ("%s survey response imported",
                                        "%s survey responses imported", n), count);
    case TENURE_IMPORT_KIND_SPEND:
      return g_strdup_printf (ngettext ("%s spend line imported",
                                        "%s spend lines imported", n), count);
    case TENURE_IMPORT_KIND_TICKETS:
      return g_strdup_printf (ngettext ("%s support ticket imported",
                                        "%s support tickets imported", n), count);
    case TENURE_IMPORT_KIND_ANSWERS:
    case TENURE_IMPORT_KIND_NONE:
    default:
      return g_strdup_printf (ngettext ("%s answer imported", "%s answers imported", n), count);
    }
}

/* The name a manager reads for each field of tenure-import-columns.c. */
static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "account_id", N_("Customer ID") },
    { "name", N_("Customer name") },
    { "segment", N_("Segment") },
    { "plan", N_("Plan") },
    { "channel", N_("Acquisition channel") },
    { "owner", N_("Account owner") },
    { "signup_date", N_("Signup date") },
    { "start_date", N_("Start date") },
    { "end_date", N_("End date") },
    { "mrr", N_("Monthly amount") },
    { "subscription_id", N_("Subscription ID") },
    { "at", N_("Date and time") },
    { "kind", N_("Type") },
    { "job", N_("Job") },
    { "user", N_("User") },
    { "answered_on", N_("Answer date") },
    { "score", N_("Score") },
    { "comment", N_("Comment") },
    { "month", N_("Month") },
    { "amount", N_("Amount") },
    { "leads", N_("Leads") },
    { "opened_at", N_("Opened on") },
    { "category", N_("Category") },
    { "question", N_("Question") },
    { "answer", N_("Answer") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].field) == 0)
      return _(labels[i].label);

  return field;
}

static const char *
separator_label (char separator)
{
  switch (separator)
    {
    case ',':
      return _("commas");
    case ';':
      return _("semicolons");
    case '\t':
      return _("tabs");
    case '|':
      return _("vertical bars");
    default:
      return _("an unusual separator");
    }
}

static char *
format_date (const char *iso8601)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (utc);
  /* Translators: the date and time of an import, see the strftime() manual */
  return g_date_time_format (local, _("%Y-%m-%d at %H:%M"));
}

/* "file:line:column: message", as the command line prints it. */
static char *
format_issue (const char              *file_name,
              const TenureImportIssue *issue)
{
  if (issue->line > 0 && issue->column > 0)
    return g_strdup_printf ("%s:%u:%u: %s", file_name, issue->line, issue->column,
                            issue->message);
  if (issue->line > 0)
    return g_strdup_printf ("%s:%u: %s", file_name, issue->line, issue->message);

  return g_strdup_printf ("%s: %s", file_name, issue->message);
}

static void
set_busy (TenureImportAssistant *self,
          gboolean               busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
update_buttons (TenureImportAssistant *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean done = g_strcmp0 (step, "done") == 0;

  gtk_widget_set_visible (self->back_button, g_strcmp0 (step, "mapping") == 0);
  gtk_widget_set_visible (self->cancel_button, !done);
  gtk_widget_set_visible (self->import_button, !done);
  gtk_widget_set_sensitive (self->import_button, tenure_import_assistant_get_can_import (self));
}

static void
show_step (TenureImportAssistant *self,
           const char            *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  update_buttons (self);
}

static void
toast (TenureImportAssistant *self,
       const char            *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The check: preview, earlier import of the same file, dry run. */

typedef struct
{
  char                *workspace;
  char                *path;
  TenureImportKind     kind;
  TenureImportOptions  options;
  TenureImportPreview *preview;
  TenureImportResult  *result;
  TenureImportRecord  *previous;
  char                *failure;
} CheckData;

static void
check_data_free (gpointer user_data)
{
  CheckData *data = user_data;

  g_free (data->workspace);
  g_free (data->path);
  tenure_import_options_clear (&data->options);
  g_clear_pointer (&data->preview, tenure_import_preview_free);
  g_clear_pointer (&data->result, tenure_import_result_free);
  g_clear_pointer (&data->previous, tenure_import_record_free);
  g_free (data->failure);
  g_free (data);
}

static void
copy_options (TenureImportOptions       *to,
              const TenureImportOptions *from)
{
  *to = *from;
  if (from->mapping != NULL)
    to->mapping = g_hash_table_ref (from->mapping);
}

static void
check_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  data->preview = tenure_import_preview (data->path, data->kind, &data->options, PREVIEW_ROWS,
                                         &error);
  if (data->preview == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->preview->issues->len > 0 || data->preview->kind == TENURE_IMPORT_KIND_NONE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (data->workspace != NULL && g_file_test (data->workspace, G_FILE_TEST_EXISTS))
    {
      db = tenure_db_open (data->workspace, TENURE_DB_OPEN_READ_ONLY, &error);
      if (db == NULL)
        {
          data->failure = g_strdup (error->message);
          g_task_return_boolean (task, TRUE);
          return;
        }

      data->previous = tenure_import_find_file (db, data->path, &error);
      if (error != NULL)
        {
          data->failure = g_strdup (error->message);
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  /* Forced: an earlier import of the same file is asked about, not an error. */
  data->options.dry_run = TRUE;
  data->options.force = TRUE;
  if (!tenure_import_file (db, data->path, data->preview->kind, &data->options, &data->result,
                           NULL, NULL, cancellable, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (!g_error_matches (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_INVALID))
        data->failure = g_strdup (error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static void
clear_checked (TenureImportAssistant *self)
{
  g_clear_pointer (&self->preview, tenure_import_preview_free);
  g_clear_pointer (&self->check, tenure_import_result_free);
  g_clear_pointer (&self->previous, tenure_import_record_free);
  g_clear_pointer (&self->failure, g_free);
}

static gboolean
has_hint (GPtrArray        *issues,
          TenureImportHint  hint)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    if (((TenureImportIssue *) g_ptr_array_index (issues, i))->hint == hint)
      return TRUE;

  return FALSE;
}

static const TenureImportIssue *
find_hint (GPtrArray        *issues,
           TenureImportHint  hint)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    if (((TenureImportIssue *) g_ptr_array_index (issues, i))->hint == hint)
      return g_ptr_array_index (issues, i);

  return NULL;
}

/* The issues that stop the import: the preview's, else the dry run's. */
static GPtrArray *
current_issues (TenureImportAssistant *self)
{
  if (self->preview != NULL && self->preview->issues->len > 0)
    return self->preview->issues;
  if (self->check != NULL)
    return self->check->issues;

  return NULL;
}

static guint
count_issues (TenureImportAssistant *self)
{
  if (self->preview != NULL && self->preview->issues->len > 0)
    return self->preview->issues->len;
  if (self->check != NULL)
    return self->check->n_issues;

  return 0;
}

static void
dropdown_selected_cb (TenureImportAssistant *self,
                      GParamSpec            *pspec,
                      GtkDropDown           *dropdown)
{
  const char * const *fields = tenure_import_kind_fields (self->kind);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  const TenureImportColumn *info;

  if (self->updating > 0 || self->preview == NULL || column >= self->preview->columns->len)
    return;

  info = g_ptr_array_index (self->preview->columns, column);
  tenure_import_options_map (&self->options, info->header,
                             selected > 0 && fields != NULL ? fields[selected - 1] : "");
  run_check (self);
}

static GtkWidget *
create_column_row (TenureImportAssistant    *self,
                   guint                     column,
                   const TenureImportColumn *info)
{
  const char * const *fields = tenure_import_kind_fields (self->kind);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GString) examples = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown;
  guint selected = 0;

  gtk_string_list_append (model, _("Ignore this column"));
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      if (tenure_import_kind_is_required (self->kind, fields[i]))
        {
          /* Translators: a required field in the list of a column's choices */
          g_autofree char *label = g_strdup_printf (_("%s *"), field_label (fields[i]));

          gtk_string_list_append (model, label);
        }
      else
        gtk_string_list_append (model, field_label (fields[i]));

      if (g_strcmp0 (info->field, fields[i]) == 0)
        selected = i + 1;
    }

  for (guint i = 0; i < self->preview->rows->len && i < 3; i++)
    {
      GStrv values = g_ptr_array_index (self->preview->rows, i);

      if (column < g_strv_length (values) && *values[column] != '\0')
        {
          if (examples->len > 0)
            g_string_append (examples, ", ");
          g_string_append (examples, values[column]);
        }
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->header);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (examples->len > 0)
    {
      /* Translators: %s lists the first values of a column */
      g_autofree char *subtitle = g_strdup_printf (_("For example: %s"), examples->str);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (column));
  /* Translators: the accessible name of a column's choice, %s is the column's header */
  accessible = g_strdup_printf (_("What the column “%s” holds"), info->header);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  g_ptr_array_add (self->dropdowns, dropdown);

  return row;
}

static GtkWidget *
create_cell (const char *text,
             gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (label, text);

  return label;
}

static void
fill_columns (TenureImportAssistant *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  g_ptr_array_set_size (self->dropdowns, 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (guint i = 0; i < self->preview->columns->len; i++)
    {
      const TenureImportColumn *info = g_ptr_array_index (self->preview->columns, i);
      GtkWidget *row = create_column_row (self, i, info);

      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
      gtk_grid_attach (self->preview_grid, create_cell (info->header, TRUE), (int) i, 0, 1, 1);
    }

  for (guint r = 0; r < self->preview->rows->len; r++)
    {
      GStrv values = g_ptr_array_index (self->preview->rows, r);
      guint n = g_strv_length (values);

      for (guint i = 0; i < n && i < self->preview->columns->len; i++)
        gtk_grid_attach (self->preview_grid, create_cell (values[i], FALSE),
                         (int) i, (int) r + 1, 1, 1);
    }
}

/* The required fields no column feeds, by their labels; NULL when none is missing. */
static char *
missing_fields (TenureImportAssistant *self)
{
  const char * const *fields = tenure_import_kind_fields (self->kind);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      gboolean found = FALSE;

      if (!tenure_import_kind_is_required (self->kind, fields[i]))
        continue;

      for (guint c = 0; c < self->preview->columns->len && !found; c++)
        found = g_strcmp0 (((TenureImportColumn *)
                            g_ptr_array_index (self->preview->columns, c))->field,
                           fields[i]) == 0;
      if (!found)
        {
          if (missing->len > 0)
            g_string_append (missing, ", ");
          g_string_append (missing, field_label (fields[i]));
        }
    }

  return missing->len > 0 ? g_strdup (missing->str) : NULL;
}

static void
set_check_status (TenureImportAssistant *self,
                  const char            *icon_name,
                  const char            *style,
                  const char            *title,
                  const char            *subtitle)
{
  gtk_image_set_from_icon_name (self->check_icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), "warning");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->check_icon), style);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->check_row), subtitle);
}

static void
fill_errors (TenureImportAssistant *self)
{
  g_autofree char *text = tenure_import_assistant_get_errors (self);
  g_auto(GStrv) lines = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))) != NULL)
    gtk_list_box_remove (self->errors_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->errors_list), text != NULL);
  gtk_widget_set_visible (self->copy_button, text != NULL);
  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (lines[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 9);
      gtk_widget_set_margin_bottom (label, 9);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->errors_list, label);
    }
}

static void
fill_check (TenureImportAssistant *self)
{
  g_autofree char *missing = missing_fields (self);
  guint n_issues = count_issues (self);

  if (self->kind == TENURE_IMPORT_KIND_NONE)
    {
      set_check_status (self, "dialog-question-symbolic", "warning",
                        _("Which kind of data is this?"),
                        _("Tenure could not tell from the column names: choose the kind of data "
                          "below."));
    }
  else if (missing != NULL)
    {
      /* Translators: %s lists fields, for instance “Start date, Monthly amount” */
      g_autofree char *subtitle = g_strdup_printf (_("Missing required fields: %s. Choose the "
                                                     "column that holds each of them below."),
                                                   missing);

      set_check_status (self, "dialog-warning-symbolic", "warning",
                        _("Some required fields have no column yet"), subtitle);
    }
  else if (n_issues == 0 && self->failure != NULL)
    {
      /* Not the file's fault (a full disk, a workspace that cannot be written…): the
       * message says what to do, and asking to correct the file would mislead. */
      set_check_status (self, "dialog-error-symbolic", "error", _("Nothing was imported"),
                        self->failure);
    }
  else if (n_issues > 0)
    {
      g_autofree char *title =
        g_strdup_printf (ngettext ("%u problem found: nothing can be imported yet",
                                   "%u problems found: nothing can be imported yet",
                                   MAX (n_issues, 1)),
                         MAX (n_issues, 1));

      set_check_status (self, "dialog-error-symbolic", "error", title,
                        _("Each problem gives its line and column in the file. Correct the file "
                          "and choose it again, or change the choices below."));
    }
  else if (self->check != NULL)
    {
      g_autofree char *count = tenure_format_number ((double) self->check->rows, 0,
                                                     TENURE_FORMAT_NONE,
                                                     TENURE_LANGUAGE_DEFAULT);
      g_autofree char *title =
        g_strdup_printf (ngettext ("%s row checked, ready to import",
                                   "%s rows checked, ready to import",
                                   (gulong) MIN (self->check->rows, G_MAXULONG)),
                         count);
      g_autofree char *subtitle = NULL;

      if (self->previous != NULL)
        {
          g_autofree char *date = format_date (self->previous->imported_at);

          /* Translators: %s is a date and time */
          subtitle = g_strdup_printf (_("This file was already imported on %s."), date);
        }
      else
        subtitle = g_strdup (_("Every value was read without a problem. Nothing is written "
                               "until you click Import."));

      set_check_status (self, "emblem-ok-symbolic", "success", title, subtitle);
    }

  fill_errors (self);
}

static void
fill_file (TenureImportAssistant *self)
{
  const TenureImportIssue *encoding = find_hint (self->preview->issues,
                                                 TENURE_IMPORT_HINT_ENCODING);
  g_autofree char *count = tenure_format_number ((double) self->preview->n_rows, 0,
                                                 TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *rows = NULL;
  g_autofree char *format = NULL;
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *display = g_filename_display_name (basename);
  const char *characters;

  if (self->preview->encoding == TENURE_CSV_ENCODING_WINDOWS_1252)
    characters = _("Windows-1252 (Excel on Windows)");
  else if (self->preview->had_bom)
    characters = _("UTF-8 with a byte order mark (Excel)");
  else
    characters = _("UTF-8");

  rows = g_strdup_printf (ngettext ("%s row", "%s rows",
                                    (gulong) MIN (self->preview->n_rows, G_MAXULONG)),
                          count);
  /* The rows are counted up to the first issue: no count then. */
  if (self->preview->issues->len > 0)
    /* Translators: “Values separated by semicolons · UTF-8” */
    format = g_strdup_printf (_("Values separated by %s · %s"),
                              separator_label (self->preview->separator), characters);
  else
    /* Translators: “Values separated by semicolons · UTF-8 · 7 rows” */
    format = g_strdup_printf (_("Values separated by %s · %s · %s"),
                              separator_label (self->preview->separator), characters, rows);
  adw_window_title_set_subtitle (self->window_title, display);
  adw_action_row_set_subtitle (self->format_row, format);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->format_row), display);

  self->updating++;
  adw_combo_row_set_selected (self->kind_row, self->kind);
  adw_combo_row_set_selected (self->date_row, self->options.date_order);
  adw_combo_row_set_selected (self->decimal_row, self->options.decimal);
  self->updating--;

  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row),
                          encoding != NULL ||
                          self->options.encoding == TENURE_CSV_ENCODING_WINDOWS_1252);
  gtk_widget_set_visible (self->encoding_button, encoding != NULL);
  adw_action_row_set_subtitle (self->encoding_row,
                               encoding != NULL
                               ? _("Some characters are not valid UTF-8. Files saved by Excel "
                                   "on Windows often use Windows-1252 instead: if names with "
                                   "accents look wrong below, read the file that way.")
                               : _("Read as Windows-1252, as you chose."));

  if (self->check != NULL && has_hint (self->check->issues, TENURE_IMPORT_HINT_DATE_FORMAT))
    gtk_widget_set_visible (GTK_WIDGET (self->date_row), TRUE);
  if (self->check != NULL && has_hint (self->check->issues, TENURE_IMPORT_HINT_DECIMAL))
    gtk_widget_set_visible (GTK_WIDGET (self->decimal_row), TRUE);
  gtk_widget_set_visible (self->options_group,
                          gtk_widget_get_visible (GTK_WIDGET (self->date_row)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->decimal_row)));

  /* Translators: the caption of the preview table, %s is “7 rows” */
  g_free (format);
  if (self->preview->issues->len > 0)
    format = g_strdup_printf (_("The first lines of %s"), display);
  else
    format = g_strdup_printf (_("The first lines of %s, which has %s in all"), display, rows);
  adw_preferences_group_set_description (self->preview_group, format);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TenureImportAssistant) self = user_data;
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->check_cancellable)
    return;

  g_clear_object (&self->check_cancellable);
  set_busy (self, FALSE);

  if (error != NULL)
    {
      /* The file cannot be read at all: back to choosing one. */
      gtk_label_set_text (self->choose_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->choose_error), TRUE);
      show_step (self, "choose");
      return;
    }

  clear_checked (self);
  self->preview = g_steal_pointer (&data->preview);
  self->check = g_steal_pointer (&data->result);
  self->previous = g_steal_pointer (&data->previous);
  self->failure = g_steal_pointer (&data->failure);
  self->kind = self->preview->kind;

  self->updating++;
  fill_file (self);
  fill_columns (self);
  fill_check (self);
  self->updating--;

  show_step (self, "mapping");
}

static void
run_check (TenureImportAssistant *self)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  if (self->path == NULL)
    return;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();

  data = g_new0 (CheckData, 1);
  data->workspace = g_strdup (self->workspace);
  data->path = g_strdup (self->path);
  data->kind = self->kind;
  copy_options (&data->options, &self->options);

  set_busy (self, TRUE);
  update_buttons (self);
  gtk_widget_set_sensitive (self->import_button, FALSE);

  task = g_task_new (NULL, self->check_cancellable, check_cb, g_object_ref (self));
  g_task_set_task_data (task, data, check_data_free);
  g_task_run_in_thread (task, check_worker);
}

/* Choices of the mapping step */

static void
kind_selected_cb (TenureImportAssistant *self)
{
  TenureImportKind kind = (TenureImportKind) adw_combo_row_get_selected (self->kind_row);

  if (self->updating > 0 || kind == self->kind || kind == TENURE_IMPORT_KIND_NONE)
    return;

  /* A mapping is made for the fields of one kind. */
  self->kind = kind;
  g_clear_pointer (&self->options.mapping, g_hash_table_unref);
  run_check (self);
}

static void
date_selected_cb (TenureImportAssistant *self)
{
  if (self->updating > 0)
    return;

  self->options.date_order = (TenureDateOrder) adw_combo_row_get_selected (self->date_row);
  run_check (self);
}

static void
decimal_selected_cb (TenureImportAssistant *self)
{
  if (self->updating > 0)
    return;

  self->options.decimal = (TenureDecimal) adw_combo_row_get_selected (self->decimal_row);
  run_check (self);
}

static void
encoding_clicked_cb (TenureImportAssistant *self)
{
  self->options.encoding = TENURE_CSV_ENCODING_WINDOWS_1252;
  run_check (self);
}

static void
copy_clicked_cb (TenureImportAssistant *self)
{
  g_autofree char *text = tenure_import_assistant_get_errors (self);

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  toast (self, _("Problems copied"));
}

/* Choosing the file */

static void
choose_response_cb (TenureImportAssistant *self,
                    int                    response,
                    GtkFileChooserNative  *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        tenure_import_assistant_set_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
choose_clicked_cb (TenureImportAssistant *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  native = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_signal_connect_object (native, "response", G_CALLBACK (choose_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (TenureImportAssistant *self,
         const GValue          *value,
         double                 x,
         double                 y,
         GtkDropTarget         *target)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }

  if (file == NULL || self->import_cancellable != NULL)
    return FALSE;

  tenure_import_assistant_set_file (self, file);
  return TRUE;
}

/* Importing */

typedef struct
{
  TenureImportAssistant *self;
  double                 fraction;
} ProgressUpdate;

static gboolean
progress_idle (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (update->self->import_cancellable != NULL && update->self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (update->self->progress_bar, update->fraction);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  g_object_unref (update->self);
  g_free (update);
}

/* Called in the worker: the import's callback holds a reference on the assistant. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->self = g_object_ref (user_data);
  update->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_idle, update,
                              progress_update_free);
}

static void ask_again (TenureImportAssistant *self);

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TenureImportAssistant) self = user_data;
  g_autoptr(TenureImportResult) import_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *summary = NULL;

  g_clear_object (&self->import_cancellable);
  self->options.force = FALSE;

  /* The window went away meanwhile (the application quit). */
  if (self->stack == NULL)
    return;

  if (!tenure_import_file_finish (result, &import_result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_step (self, "mapping");
          toast (self, _("Import cancelled: the workspace was not changed"));
          return;
        }

      if (g_error_matches (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_DUPLICATE))
        {
          show_step (self, "mapping");
          ask_again (self);
          return;
        }

      /* The problems replace the check's: the file changed, or the workspace refused it. */
      g_clear_pointer (&self->check, tenure_import_result_free);
      g_clear_pointer (&self->failure, g_free);
      if (import_result != NULL && import_result->n_issues > 0)
        self->check = g_steal_pointer (&import_result);
      else
        self->failure = g_strdup (error->message);
      fill_check (self);
      show_step (self, "mapping");
      return;
    }

  loaded = format_loaded (import_result->kind, import_result->rows);
  if (import_result->accounts_created > 0)
    {
      g_autofree char *created =
        g_strdup_printf (ngettext ("%u account created", "%u accounts created",
                                   import_result->accounts_created),
                         import_result->accounts_created);

      /* Translators: “7 subscriptions imported, 4 accounts created” */
      summary = g_strdup_printf (_("%s, %s"), loaded, created);
    }
  else
    summary = g_strdup (loaded);

  if (import_result->n_enrolled > 0)
    {
      g_autofree char *enrolled =
        g_strdup_printf (ngettext ("%u account enrolled in onboarding",
                                   "%u accounts enrolled in onboarding",
                                   import_result->n_enrolled),
                         import_result->n_enrolled);
      g_autofree char *shorter = g_steal_pointer (&summary);

      /* Translators: “7 subscriptions imported, 3 accounts enrolled in onboarding” */
      summary = g_strdup_printf (_("%s, %s"), shorter, enrolled);
    }

  g_clear_pointer (&self->result, tenure_import_result_free);
  self->result = g_steal_pointer (&import_result);

  {
    /* Translators: %s is “7 subscriptions imported, 4 accounts created” */
    g_autofree char *description = g_strdup_printf (_("%s. Every page of the workspace now "
                                                      "counts these rows."),
                                                    summary);

    adw_status_page_set_description (self->done_page, description);
  }
  show_step (self, "done");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_first_child (GTK_WIDGET (self->done_page))));
  toast (self, summary);

  g_signal_emit (self, signals [IMPORTED], 0);
}

static void
start_import (TenureImportAssistant *self)
{
  TenureImportOptions options;

  g_return_if_fail (self->import_cancellable == NULL);

  copy_options (&options, &self->options);
  options.dry_run = FALSE;

  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  show_step (self, "progress");
  gtk_widget_set_sensitive (self->import_button, FALSE);

  tenure_import_file_async (self->workspace, self->path, self->kind, &options,
                            progress_cb, self, self->import_cancellable,
                            import_cb, g_object_ref (self));
  tenure_import_options_clear (&options);
}

static void
again_response_cb (TenureImportAssistant *self,
                   const char            *response)
{
  if (g_strcmp0 (response, "import") != 0)
    return;

  self->options.force = TRUE;
  start_import (self);
}

static void
ask_again (TenureImportAssistant *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->previous != NULL)
    {
      g_autofree char *date = format_date (self->previous->imported_at);

      /* Translators: the first %s is a file name, the second a date and time */
      body = g_strdup_printf (_("“%s” was already imported on %s. Importing it again adds its "
                                "rows a second time, and the figures count them twice. "
                                "Import it again?"),
                              display, date);
    }
  else
    body = g_strdup_printf (_("“%s” was already imported into this workspace. Importing it "
                              "again adds its rows a second time, and the figures count them "
                              "twice. Import it again?"),
                            display);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import This File Again?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (again_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
workspace_response_cb (TenureImportAssistant *self,
                       int                    response,
                       GtkFileChooserNative  *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autofree char *workspace = g_str_has_suffix (path, ".tenure")
                                       ? g_strdup (path)
                                       : g_strconcat (path, ".tenure", NULL);

          tenure_import_assistant_set_workspace (self, workspace);
          tenure_import_assistant_import (self);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

/* No workspace is open: the import creates one where the user says. */
static void
ask_workspace (TenureImportAssistant *self)
{
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (workspaces, _("Tenure Workspaces"));
  gtk_file_filter_add_pattern (workspaces, "*.tenure");

  native = gtk_file_chooser_native_new (_("Create a Workspace for the Import"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), workspaces);
  /* Translators: the suggested file name of a new workspace */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("My Company.tenure"));
  g_signal_connect_object (native, "response", G_CALLBACK (workspace_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Header bar */

static void
import_clicked_cb (TenureImportAssistant *self)
{
  tenure_import_assistant_import (self);
}

static void
cancel_clicked_cb (TenureImportAssistant *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_clicked_cb (TenureImportAssistant *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  set_busy (self, FALSE);
  clear_checked (self);
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_error), FALSE);
  show_step (self, "choose");
  gtk_widget_grab_focus (self->choose_button);
}

static void
done_clicked_cb (TenureImportAssistant *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Closing while importing cancels the import first: nothing is then written. */
static gboolean
tenure_import_assistant_close_request (GtkWindow *window)
{
  TenureImportAssistant *self = TENURE_IMPORT_ASSISTANT (window);

  if (self->import_cancellable != NULL)
    {
      g_cancellable_cancel (self->import_cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (tenure_import_assistant_parent_class)->close_request (window);
}

static void
tenure_import_assistant_dispose (GObject *object)
{
  TenureImportAssistant *self = TENURE_IMPORT_ASSISTANT (object);

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_cancellable_cancel (self->import_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TENURE_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (tenure_import_assistant_parent_class)->dispose (object);
}

static void
tenure_import_assistant_finalize (GObject *object)
{
  TenureImportAssistant *self = TENURE_IMPORT_ASSISTANT (object);

  clear_checked (self);
  g_clear_pointer (&self->result, tenure_import_result_free);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->file);
  g_free (self->path);
  g_free (self->workspace);
  tenure_import_options_clear (&self->options);
  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->dropdowns);

  G_OBJECT_CLASS (tenure_import_assistant_parent_class)->finalize (object);
}

static void
tenure_import_assistant_class_init (TenureImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_import_assistant_dispose;
  object_class->finalize = tenure_import_assistant_finalize;

  GTK_WINDOW_CLASS (klass)->close_request = tenure_import_assistant_close_request;

  /* The file was imported: the workspace (perhaps created) changed. */
  signals [IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, check_icon);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, check_row);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, choose_button);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, choose_error);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, copy_button);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, date_row);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, done_page);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, encoding_button);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, errors_list);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, format_row);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, options_group);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, preview_group);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, spinner);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TenureImportAssistant, window_title);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, encoding_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tenure_import_assistant_init (TenureImportAssistant *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkDropTarget *drop_target;
  GType types[] = { G_TYPE_FILE, GDK_TYPE_FILE_LIST };

  gtk_widget_init_template (GTK_WIDGET (self));

  tenure_import_options_init (&self->options);
  self->column_rows = g_ptr_array_new ();
  self->dropdowns = g_ptr_array_new ();

  for (TenureImportKind kind = TENURE_IMPORT_KIND_NONE; kind < TENURE_IMPORT_N_KINDS; kind++)
    gtk_string_list_append (kinds, kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "notify::selected", G_CALLBACK (date_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decimal_row, "notify::selected",
                           G_CALLBACK (decimal_selected_cb), self, G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  set_busy (self, FALSE);
  update_buttons (self);
}

/**
 * tenure_import_assistant_new:
 * @parent: the main window
 * @workspace: (nullable): the open workspace's file; %NULL asks where to create one
 */
TenureImportAssistant *
tenure_import_assistant_new (GtkWindow  *parent,
                             const char *workspace)
{
  TenureImportAssistant *self = g_object_new (TENURE_TYPE_IMPORT_ASSISTANT,
                                              "transient-for", parent,
                                              NULL);

  self->workspace = g_strdup (workspace);

  return self;
}

/* Previews and checks @file, then shows the mapping step. */
void
tenure_import_assistant_set_file (TenureImportAssistant *self,
                                  GFile                 *file)
{
  g_return_if_fail (TENURE_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_free (self->path);
  self->path = g_file_get_path (file);
  self->kind = TENURE_IMPORT_KIND_NONE;
  tenure_import_options_clear (&self->options);
  tenure_import_options_init (&self->options);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->decimal_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_error), FALSE);

  if (self->path == NULL)
    {
      gtk_label_set_text (self->choose_error, _("Only files on this computer can be imported."));
      gtk_widget_set_visible (GTK_WIDGET (self->choose_error), TRUE);
      show_step (self, "choose");
      return;
    }

  run_check (self);
}

void
tenure_import_assistant_set_workspace (TenureImportAssistant *self,
                                       const char            *workspace)
{
  g_return_if_fail (TENURE_IS_IMPORT_ASSISTANT (self));

  g_free (self->workspace);
  self->workspace = g_strdup (workspace);
}

/* The workspace the file goes into, NULL until chosen when none was open. */
const char *
tenure_import_assistant_get_workspace (TenureImportAssistant *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), NULL);

  return self->workspace;
}

/* "choose", "mapping", "progress" or "done". */
const char *
tenure_import_assistant_get_step (TenureImportAssistant *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* TRUE while the file is checked or imported. */
gboolean
tenure_import_assistant_get_busy (TenureImportAssistant *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), FALSE);

  return self->check_cancellable != NULL || self->import_cancellable != NULL;
}

TenureImportKind
tenure_import_assistant_get_kind (TenureImportAssistant *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), TENURE_IMPORT_KIND_NONE);

  return self->kind;
}

/* As if the user chose @kind in the Kind of data row. */
void
tenure_import_assistant_set_kind (TenureImportAssistant *self,
                                  TenureImportKind       kind)
{
  g_return_if_fail (TENURE_IS_IMPORT_ASSISTANT (self));

  adw_combo_row_set_selected (self->kind_row, kind);
}

guint
tenure_import_assistant_get_n_columns (TenureImportAssistant *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), 0);

  return self->dropdowns->len;
}

/* The field the dropdown of @column shows, NULL for "Ignore this column". */
const char *
tenure_import_assistant_get_column_field (TenureImportAssistant *self,
                                          guint                  column)
{
  const char * const *fields;
  guint selected;

  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), NULL);
  g_return_val_if_fail (column < self->dropdowns->len, NULL);

  fields = tenure_import_kind_fields (self->kind);
  selected = gtk_drop_down_get_selected (g_ptr_array_index (self->dropdowns, column));

  return selected > 0 && fields != NULL ? fields[selected - 1] : NULL;
}

/* As if the user chose @field (NULL: "Ignore this column") in the dropdown of @column. */
void
tenure_import_assistant_set_column_field (TenureImportAssistant *self,
                                          guint                  column,
                                          const char            *field)
{
  const char * const *fields;
  guint selected = 0;

  g_return_if_fail (TENURE_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (column < self->dropdowns->len);

  fields = tenure_import_kind_fields (self->kind);
  for (guint i = 0; field != NULL && fields != NULL && fields[i] != NULL; i++)
    if (g_strcmp0 (fields[i], field) == 0)
      selected = i + 1;
  g_return_if_fail (field == NULL || selected > 0);

  gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, column), selected);
}

/* The file was checked without a problem and nothing runs. */
gboolean
tenure_import_assistant_get_can_import (TenureImportAssistant *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), FALSE);

  return self->check_cancellable == NULL &&
         self->import_cancellable == NULL &&
         self->preview != NULL &&
         self->check != NULL &&
         self->check->n_issues == 0 &&
         self->failure == NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "mapping") == 0;
}

/* The problems listed, one "file:line:column: message" a line, or NULL. */
char *
tenure_import_assistant_get_errors (TenureImportAssistant *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *basename = NULL;
  GPtrArray *issues;
  guint n_issues;

  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), NULL);

  if (self->file == NULL)
    return NULL;

  basename = g_file_get_basename (self->file);
  issues = current_issues (self);
  n_issues = count_issues (self);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      g_autofree char *line = format_issue (basename, g_ptr_array_index (issues, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (issues != NULL && n_issues > issues->len)
    {
      guint more = n_issues - issues->len;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("… and %u more problem", "… and %u more problems",
                                              more),
                              more);
    }

  if (self->failure != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", basename, self->failure);
    }

  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/* As the Import button: asks where to create the workspace and whether to import the same
 * file again when needed, then imports. */
void
tenure_import_assistant_import (TenureImportAssistant *self)
{
  g_return_if_fail (TENURE_IS_IMPORT_ASSISTANT (self));

  if (!tenure_import_assistant_get_can_import (self))
    return;

  if (self->workspace == NULL)
    ask_workspace (self);
  else if (self->previous != NULL && !self->options.force)
    ask_again (self);
  else
    start_import (self);
}

/* What the last import loaded, or NULL. */
const TenureImportResult *
tenure_import_assistant_get_result (TenureImportAssistant *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORT_ASSISTANT (self), NULL);

  return self->result;
}
