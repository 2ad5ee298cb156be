/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lists the import lineage of the workspace (file, kind, rows, date), read off the main
 * thread through tenure_import_list(). */

#define G_LOG_DOMAIN "tenure-imports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-import.h"
#include "tenure-imports-page.h"

struct _TenureImportsPage
{
  TenurePage     parent_instance;

  GtkListBox    *list_box;
  GtkStack      *stack;
  AdwStatusPage *error_page;

  guint          n_imports;
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
      return _("Unknown kind");
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

static GtkWidget *
create_row (const TenureImportRecord *import)
{
  g_autofree char *date = format_imported_at (import->imported_at);
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, import->rows);
  /* Translators: %s is a number of rows */
  g_autofree char *rows = g_strdup_printf (ngettext ("%s row", "%s rows", (gulong) import->rows),
                                           count);
  /* Translators: the kind of an import, its row count and its date */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                               kind_label (import->kind), rows, date);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), import->file_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic"));

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
        gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (imports, i - 1)));
      gtk_stack_set_visible_child_name (self->stack, imports->len > 0 ? "list" : "empty");
    }

  tenure_page_end_loading (TENURE_PAGE (self), cancellable);
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
}

/* The number of imports listed by the last load. */
guint
tenure_imports_page_get_n_imports (TenureImportsPage *self)
{
  g_return_val_if_fail (TENURE_IS_IMPORTS_PAGE (self), 0);

  return self->n_imports;
}
