/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lists the import lineage of the workspace (file, kind, rows, date), read off the main
 * thread through tenure_import_list(). */

#define G_LOG_DOMAIN "tenure-imports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-format.h"
#include "tenure-import.h"
#include "tenure-imports-page.h"

struct _TenureImportsPage
{
  TenurePage     parent_instance;

  GtkListBox    *list_box;
  GtkStack      *stack;
  AdwStatusPage *error_page;

  guint          n_imports;
  GPtrArray     *imports;     /* TenureImportRecord, as listed: newest first */
};

G_DEFINE_FINAL_TYPE (TenureImportsPage, tenure_imports_page, TENURE_TYPE_PAGE)

/* Identifies our GTasks (a function pointer is not a gpointer in ISO C). */
static char list_imports_tag;

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
      return _("Events");
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
      /* Only the demo generator writes lineage that no CSV import made. */
      return _("Generated demo data");
    }
}

static char *
format_imported_at (const char *imported_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (imported_at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (imported_at);

  local = g_date_time_to_local (utc);
  /* Translators: the date and time of an import, see the strftime() manual */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static void remove_clicked_cb (TenureImportsPage *self,
                               GtkButton         *button);

static GtkWidget *
create_row (TenureImportsPage        *self,
            const TenureImportRecord *import)
{
  g_autofree char *date = format_imported_at (import->imported_at);
  g_autofree char *count = tenure_format_count (import->rows);
  /* Translators: %s is a number of rows */
  g_autofree char *rows = g_strdup_printf (ngettext ("%s row", "%s rows", (gulong) import->rows),
                                           count);
  /* Translators: the kind of an import, its row count and its date */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                               kind_label (import->kind), rows, date);
  /* Translators: the start of a file's SHA-256 checksum, shown in full in a tooltip */
  g_autofree char *short_sum = g_strdup_printf (_("SHA-256 %.8s…"),
                                                import->sha256 != NULL ? import->sha256 : "");
  /* Translators: the tooltip of a file's checksum */
  g_autofree char *tooltip = g_strdup_printf (_("The file’s fingerprint (SHA-256 checksum): the "
                                                "same file always gives the same one.\n%s"),
                                              import->sha256 != NULL ? import->sha256 : "");
  g_autofree char *remove_label = g_strdup_printf (_("Remove the import of “%s”"),
                                                   import->file_name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *checksum = gtk_label_new (short_sum);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), import->file_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic"));

  gtk_widget_set_tooltip_text (checksum, tooltip);
  gtk_widget_add_css_class (checksum, "dim-label");
  gtk_widget_add_css_class (checksum, "monospace");
  gtk_widget_add_css_class (checksum, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), checksum);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this import and the rows it brought in"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "import-id",
                          g_memdup2 (&import->id, sizeof import->id), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (remove, !tenure_workspace_get_read_only (
                                      tenure_page_get_workspace (TENURE_PAGE (self))));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* Reads the lineage in a worker with its own read-only connection. */
static void
list_imports_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  TenureWorkspace *workspace = task_data;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tenure_workspace_open_db (workspace, &error);
  if (db != NULL)
    imports = tenure_import_list (db, &error);

  if (imports == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&imports), (GDestroyNotify) g_ptr_array_unref);
}

static void
list_imports_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TenureImportsPage) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  imports = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (cancellable))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  g_ptr_array_set_size (self->imports, 0);

  if (imports == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      self->n_imports = 0;
      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      /* Newest first: the list comes oldest first. */
      self->n_imports = imports->len;
      for (guint i = imports->len; i > 0; i--)
        {
          TenureImportRecord *import = g_ptr_array_steal_index (imports, i - 1);

          gtk_list_box_append (self->list_box, create_row (self, import));
          g_ptr_array_add (self->imports, import);
        }
      gtk_stack_set_visible_child_name (self->stack, self->n_imports > 0 ? "list" : "empty");
    }

  tenure_page_end_loading (TENURE_PAGE (self), cancellable);
}

typedef struct
{
  char   *workspace;
  gint64  import_id;
} RemoveData;

static void
remove_data_free (gpointer user_data)
{
  RemoveData *data = user_data;

  g_free (data->workspace);
  g_free (data);
}

/* Deletes the import's rows in one transaction, on a connection of its own. */
static void
remove_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RemoveData *data = task_data;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tenure_db_open (data->workspace, TENURE_DB_OPEN_DEFAULT, &error);
  if (db == NULL || !tenure_import_remove (db, data->import_id, NULL, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
remove_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TenureImportsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      if (!GTK_IS_WINDOW (root))
        return;

      dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Cannot Remove the Import"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The window opens the workspace again: every page and the months follow. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL);
}

static void
remove_response_cb (TenureImportsPage *self,
                    const char        *response,
                    AdwMessageDialog  *dialog)
{
  g_autoptr(GTask) task = NULL;
  TenureWorkspace *workspace = tenure_page_get_workspace (TENURE_PAGE (self));
  RemoveData *data;

  if (g_strcmp0 (response, "remove") != 0 || workspace == NULL)
    return;

  data = g_new0 (RemoveData, 1);
  data->workspace = g_strdup (tenure_workspace_get_path (workspace));
  data->import_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "import-id");

  task = g_task_new (NULL, NULL, remove_cb, g_object_ref (self));
  g_task_set_task_data (task, data, remove_data_free);
  g_task_run_in_thread (task, remove_worker);
}

static void
remove_clicked_cb (TenureImportsPage *self,
                   GtkButton         *button)
{
  gint64 *import_id = g_object_get_data (G_OBJECT (button), "import-id");

  tenure_imports_page_remove (self, *import_id);
}

/**
 * tenure_imports_page_remove:
 *
 * Asks, saying how many rows go, then removes the import @import_id and what it brought
 * in; the workspace then opens again.
 */
void
tenure_imports_page_remove (TenureImportsPage *self,
                            gint64             import_id)
{
  const TenureImportRecord *import = NULL;
  g_autofree char *count = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (TENURE_IS_IMPORTS_PAGE (self));

  for (guint i = 0; i < self->imports->len; i++)
    if (((TenureImportRecord *) g_ptr_array_index (self->imports, i))->id == import_id)
      import = g_ptr_array_index (self->imports, i);
  g_return_if_fail (import != NULL);

  count = tenure_format_count (import->rows);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Remove “%s”?"), import->file_name);
  /* Translators: %s is a number of rows */
  body = g_strdup_printf (ngettext ("The %s row this file brought in will be removed from the "
                                    "workspace, with the accounts it created that nothing else "
                                    "uses. The figures are computed again without them. The CSV "
                                    "file itself is not touched.",
                                    "The %s rows this file brought in will be removed from the "
                                    "workspace, with the accounts it created that nothing else "
                                    "uses. The figures are computed again without them. The CSV "
                                    "file itself is not touched.",
                                    (gulong) import->rows),
                          count);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "import-id",
                          g_memdup2 (&import_id, sizeof import_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tenure_imports_page_reload (TenurePage *page)
{
  TenureImportsPage *self = TENURE_IMPORTS_PAGE (page);
  GCancellable *cancellable = tenure_page_begin_loading (page);
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, list_imports_cb, g_object_ref (self));
  g_task_set_source_tag (task, &list_imports_tag);
  g_task_set_task_data (task, g_object_ref (tenure_page_get_workspace (page)), g_object_unref);
  g_task_run_in_thread (task, list_imports_worker);
}

static void
tenure_imports_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_IMPORTS_PAGE);
  g_clear_pointer (&TENURE_IMPORTS_PAGE (object)->imports, g_ptr_array_unref);

  G_OBJECT_CLASS (tenure_imports_page_parent_class)->dispose (object);
}

static void
tenure_imports_page_class_init (TenureImportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_imports_page_dispose;

  page_class->reload = tenure_imports_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-imports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureImportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureImportsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, TenureImportsPage, stack);
}

static void
tenure_imports_page_init (TenureImportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->imports = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_import_record_free);
}

/* The number of imports listed by the last load. */
guint
tenure_imports_page_get_n_imports (TenureImportsPage *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORTS_PAGE (self), 0);

  return self->n_imports;
}

/* The @index-th import listed (newest first), or NULL. */
const TenureImportRecord *
tenure_imports_page_get_import (TenureImportsPage *self,
                                guint              index)
{
  g_return_val_if_fail (TENURE_IS_IMPORTS_PAGE (self), NULL);

  return index < self->imports->len ? g_ptr_array_index (self->imports, index) : NULL;
}
