/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: opens workspaces off the main thread, shows the sidebar's pages, keeps
 * its size and the workspaces it opened in GSettings. */

#define G_LOG_DOMAIN "tenure-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tenure-empty-page.h"
#include "tenure-page-list.h"
#include "tenure-window-private.h"

/* Workspaces remembered in the recent-workspaces setting. */
#define MAX_RECENT 10

/* How often the open workspace is checked for changes made elsewhere. */
#define WATCH_INTERVAL_MS 1500

G_DEFINE_FINAL_TYPE (TenureWindow, tenure_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkWidget *
create_sidebar_row (const TenurePageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);

  return row;
}

/* One page per entry of the page list, each next to its sidebar row. */
static void
create_pages (TenureWindow *self)
{
  const TenurePageInfo *infos;
  guint n_infos;

  infos = tenure_page_list_get (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      GtkWidget *page = g_object_new (infos[i].get_type (), NULL);

      g_assert (TENURE_IS_PAGE (page));

      if (TENURE_IS_EMPTY_PAGE (page))
        tenure_empty_page_set_info (TENURE_EMPTY_PAGE (page), infos[i].icon_name,
                                    _(infos[i].title), _(infos[i].description));

      gtk_stack_add_titled (self->pages_stack, page, infos[i].name, _(infos[i].title));
      gtk_list_box_append (self->sidebar, create_sidebar_row (&infos[i]));
    }
}

static void
remember_workspace (TenureWindow *self,
                    const char   *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);

  g_settings_set_string (self->settings, "last-workspace", path);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) updated);
}

/* Shows the spinner page instead of what the window showed before. */
static void
show_loading (TenureWindow *self,
              GFile        *file,
              gboolean      was_loading)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *markup = g_markup_escape_text (display, -1);

  if (!was_loading)
    {
      g_free (self->view_before_loading);
      self->view_before_loading = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
    }

  adw_status_page_set_description (self->loading_page, markup);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

static void
show_toast (TenureWindow *self,
            const char   *message,
            const char   *button_label,
            const char   *action_name)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
stop_watching (TenureWindow *self)
{
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_pointer (&self->watch_state, g_free);
  g_clear_pointer (&self->keep_db, tenure_db_close);
}

/* The size and time of change of the workspace and of its write-ahead log: every commit,
 * whoever makes it, appends to the log, and a checkpoint writes the file. Only looked at
 * (stat ()), never opened: opening and closing a workspace file would drop the locks this
 * process's connections hold on it. */
static char *
read_watch_state (const char *path,
                  GStatBuf   *file_info)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf wal_info = { 0 };

  if (g_stat (path, file_info) != 0)
    return NULL;
  if (g_stat (wal, &wal_info) != 0)
    memset (&wal_info, 0, sizeof wal_info);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%ld:%" G_GINT64_FORMAT " "
                          "%" G_GINT64_FORMAT ".%ld:%" G_GINT64_FORMAT,
                          (gint64) file_info->st_mtim.tv_sec, file_info->st_mtim.tv_nsec,
                          (gint64) file_info->st_size,
                          (gint64) wal_info.st_mtim.tv_sec, wal_info.st_mtim.tv_nsec,
                          (gint64) wal_info.st_size);
}

/* Another window or program changed the workspace: the pages show the new figures, the
 * hidden ones when shown. One exception: while the user types in the visible page of the
 * active window (the focus is in an entry) and this process committed, the change is
 * most likely their own edit, which that page shows already: it is not rebuilt under the
 * cursor, and reloads when shown again. */
static void
workspace_changed (TenureWindow *self,
                   gboolean      local)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->pages_stack);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  gboolean typing = focus != NULL && visible != NULL &&
                    (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)) &&
                    gtk_widget_is_ancestor (focus, visible);
  gboolean own = local && typing && gtk_window_is_active (GTK_WINDOW (self));

  g_debug ("The workspace changed (%s%s)", local ? "this process" : "another program",
           own ? ", while typing here" : "");

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TENURE_IS_PAGE (child) && !(own && child == visible))
      tenure_page_queue_reload (TENURE_PAGE (child));
}

static gboolean
watch_cb (gpointer user_data)
{
  TenureWindow *self = user_data;
  const char *path = tenure_workspace_get_path (self->workspace);
  g_autofree char *state = NULL;
  GStatBuf info = { 0 };
  guint local;

  local = tenure_db_get_local_commits ();
  state = read_watch_state (path, &info);

  /* Renamed, moved or deleted: the connections still write to the old file, where
   * nobody would find the changes, so the core refuses every write; say so now. */
  if (state == NULL || (guint64) info.st_ino != self->watch_inode ||
      (guint64) info.st_dev != self->watch_device)
    {
      g_autofree char *display = g_filename_display_name (tenure_workspace_get_file_name (
                                                            self->workspace));
      g_autofree char *message =
        g_strdup_printf (_("“%s” was moved or renamed: open it again to save changes"),
                         display);

      show_toast (self, message, _("_Open…"), "win.open");
      self->watch_source = 0;
      g_clear_pointer (&self->watch_state, g_free);
      return G_SOURCE_REMOVE;
    }

  if (g_strcmp0 (state, self->watch_state) != 0)
    {
      workspace_changed (self, local != self->local_commits);
      g_free (self->watch_state);
      self->watch_state = g_steal_pointer (&state);
    }
  self->local_commits = local;

  return G_SOURCE_CONTINUE;
}

static void
start_watching (TenureWindow *self)
{
  g_autoptr(GError) error = NULL;
  GStatBuf info = { 0 };

  stop_watching (self);

  /* One connection stays open while the window shows the workspace, so that the
   * write-ahead log's index stays mapped in this process: the pages' short-lived
   * connections reuse it, and can still read if the file's permissions change under
   * the window (it could not be set up again by someone who may only read). */
  self->keep_db = tenure_workspace_open_db (self->workspace, &error);
  if (self->keep_db == NULL)
    g_debug ("Cannot keep the workspace open: %s", error->message);
  else
    {
      gint64 version;

      /* A first read, which maps the index. */
      tenure_db_get_data_version (self->keep_db, &version, NULL);
    }

  self->local_commits = tenure_db_get_local_commits ();
  self->watch_state = read_watch_state (tenure_workspace_get_path (self->workspace), &info);
  if (self->watch_state == NULL)
    return;
  self->watch_device = info.st_dev;
  self->watch_inode = info.st_ino;
  self->watch_source = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
}

static void
set_workspace (TenureWindow    *self,
               TenureWorkspace *workspace)
{
  GtkWidget *child;

  g_clear_pointer (&self->month_binding, g_binding_unbind);
  g_set_object (&self->workspace, workspace);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tenure_page_set_workspace (TENURE_PAGE (child), workspace);
  tenure_filter_button_set_workspace (self->filter_button, workspace);

  if (workspace != NULL)
    {
      const char *company = tenure_workspace_get_company_name (workspace);

      gtk_window_set_title (GTK_WINDOW (self), company);
      adw_window_title_set_title (self->window_title, company);
      adw_window_title_set_subtitle (self->window_title,
                                     tenure_workspace_get_file_name (workspace));

      tenure_month_selector_set_range (self->month_selector,
                                       tenure_workspace_get_first_month (workspace),
                                       tenure_workspace_get_last_month (workspace));
      self->month_binding = g_object_bind_property (workspace, "month",
                                                    self->month_selector, "month",
                                                    G_BINDING_SYNC_CREATE |
                                                    G_BINDING_BIDIRECTIONAL);

      remember_workspace (self, tenure_workspace_get_path (workspace));
      start_watching (self);

      if (tenure_workspace_get_read_only (workspace))
        {
          g_autofree char *subtitle =
            /* Translators: the window's subtitle, a file name, as in "demo.tenure (read-only)" */
            g_strdup_printf (_("%s (read-only)"), tenure_workspace_get_file_name (workspace));

          adw_window_title_set_subtitle (self->window_title, subtitle);
          show_toast (self, _("Read-only workspace: copy it to a folder of yours to change it"),
                      NULL, NULL);
        }

      if (gtk_list_box_get_selected_row (self->sidebar) == NULL)
        tenure_window_show_page (self, "overview");
      adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");

      /* The arrow keys then move from page to page. */
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
    }
  else
    {
      stop_watching (self);
      gtk_window_set_title (GTK_WINDOW (self), _("Tenure"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  _tenure_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKSPACE]);
}

static void
show_open_error (TenureWindow *self,
                 const GError *error)
{
  g_autofree char *body = NULL;
  const char *hint = NULL;
  GtkWidget *dialog;

  if (g_error_matches (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_SQLITE) ||
      g_error_matches (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_WORKSPACE))
    hint = _("Choose a workspace file, ending in “.tenure”, made by Tenure or by tenure-cli. "
             "To start from your own data, import CSV files into a new workspace.");
  else if (g_error_matches (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_FOUND))
    hint = _("The file may have been moved, renamed or deleted: open it from its new place.");

  body = hint != NULL ? g_strdup_printf ("%s.\n\n%s", error->message, hint)
                      : g_strdup_printf ("%s.", error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open the Workspace"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TenureWindow) self = user_data;
  g_autoptr(TenureWorkspace) workspace = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  workspace = tenure_workspace_open_finish (result, &error);

  /* A newer open (or closing the window) took over. */
  if (g_task_get_cancellable (G_TASK (result)) != self->open_cancellable)
    return;

  g_clear_object (&self->open_cancellable);
  file = g_steal_pointer (&self->loading_file);
  gtk_spinner_stop (self->loading_spinner);

  if (workspace == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");
      g_autofree char *path = g_file_get_path (file);

      /* Do not try a broken workspace again at every start. */
      if (g_strcmp0 (last, path) == 0)
        g_settings_set_string (self->settings, "last-workspace", "");

      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->view_before_loading != NULL
                                        ? self->view_before_loading : "welcome");
      show_open_error (self, error);
    }
  else
    {
      set_workspace (self, workspace);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

/* A workspace dropped from the file manager opens like one chosen in the dialog; any
 * other file (a CSV file) goes to the import assistant. */
static gboolean
drop_cb (TenureWindow   *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  g_autofree char *name = NULL;
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }

  if (file == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  if (name != NULL && g_str_has_suffix (name, ".tenure"))
    tenure_window_open_or_present (self, file);
  else
    tenure_window_import (self, file);

  return TRUE;
}

static void
welcome_open_cb (TenureWindow *self,
                 GFile        *file)
{
  tenure_window_open_or_present (self, file);
}

static void
sidebar_row_selected_cb (TenureWindow  *self,
                         GtkListBoxRow *row)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->pages_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* GTK 4.8's list box moves Tab from row to row, and the browse selection turns every stop
 * into a page switch, so a keyboard user could never reach the page chosen. The arrows
 * move between pages; Tab goes on to the page and Shift+Tab back to the header bar. */
static gboolean
sidebar_key_pressed_cb (TenureWindow          *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  gboolean backward;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || adw_leaflet_get_folded (self->leaflet))
    return GDK_EVENT_PROPAGATE;

  backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;
  if (backward)
    return gtk_widget_child_focus (self->sidebar_header, GTK_DIR_TAB_BACKWARD);

  return gtk_widget_child_focus (self->content_box, GTK_DIR_TAB_FORWARD);
}

static void
sidebar_row_activated_cb (TenureWindow  *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (TenureWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
exporter_busy_cb (TenureWindow *self)
{
  _tenure_window_update_actions (self);
}

static gboolean
tenure_window_close_request (GtkWindow *window)
{
  TenureWindow *self = TENURE_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  if (!maximized)
    {
      int width;
      int height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  return GTK_WINDOW_CLASS (tenure_window_parent_class)->close_request (window);
}

static void
tenure_window_dispose (GObject *object)
{
  TenureWindow *self = (TenureWindow *)object;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->loading_file);
  g_clear_pointer (&self->month_binding, g_binding_unbind);
  stop_watching (self);
  _tenure_window_preload_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TENURE_TYPE_WINDOW);

  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->view_before_loading, g_free);

  G_OBJECT_CLASS (tenure_window_parent_class)->dispose (object);
}

static void
tenure_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TenureWindow *self = TENURE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, tenure_window_get_loading (self));
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, tenure_window_get_workspace (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_window_class_init (TenureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tenure_window_dispose;
  object_class->get_property = tenure_window_get_property;

  window_class->close_request = tenure_window_close_request;

  /* TRUE while a workspace is being opened. */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The open workspace, or NULL while the welcome page shows. */
  properties [PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, TENURE_TYPE_WORKSPACE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TENURE_TYPE_FILTER_BUTTON);
  g_type_ensure (TENURE_TYPE_MONTH_SELECTOR);
  g_type_ensure (TENURE_TYPE_REPORT_EXPORTER);
  g_type_ensure (TENURE_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, exporter);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, month_selector);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TenureWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, exporter_busy_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_open_cb);

  _tenure_window_class_actions_init (klass);
}

static void
tenure_window_init (TenureWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  create_pages (self);
  _tenure_window_preload_init (self);
  _tenure_window_update_actions (self);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[]) { G_TYPE_FILE, GDK_TYPE_FILE_LIST }, 2);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

TenureWindow *
tenure_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (TENURE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * tenure_window_open_file:
 *
 * Opens the workspace in @file off the main thread, with a spinner. On failure, a dialog
 * says why and what to do, and the window goes back to what it showed.
 */
void
tenure_window_open_file (TenureWindow *self,
                         GFile        *file)
{
  gboolean was_loading;

  g_return_if_fail (TENURE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  was_loading = self->open_cancellable != NULL;
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  show_loading (self, file, was_loading);
  g_set_object (&self->loading_file, file);
  self->open_cancellable = g_cancellable_new ();
  tenure_workspace_open_async (file, self->open_cancellable, open_cb, g_object_ref (self));

  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

/**
 * tenure_window_find_for_file:
 *
 * Returns: (transfer none) (nullable): the window of @application that shows @file, or
 *   is opening it
 */
TenureWindow *
tenure_window_find_for_file (GtkApplication *application,
                             GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      TenureWindow *window;

      if (!TENURE_IS_WINDOW (l->data))
        continue;
      window = l->data;
      if ((window->loading_file != NULL && g_file_equal (window->loading_file, file)) ||
          (window->loading_file == NULL && window->workspace != NULL &&
           g_file_equal (tenure_workspace_get_file (window->workspace), file)))
        return window;
    }

  return NULL;
}

/**
 * tenure_window_open_or_present:
 *
 * Opens @file in @self, unless another window shows it already: that one is brought to
 * the front instead, as GNOME Text Editor does, so that one workspace is never edited
 * in two windows at once.
 */
void
tenure_window_open_or_present (TenureWindow *self,
                               GFile        *file)
{
  GtkApplication *application;
  TenureWindow *other = NULL;

  g_return_if_fail (TENURE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    other = tenure_window_find_for_file (application, file);

  if (other != NULL && other != self)
    gtk_window_present (GTK_WINDOW (other));
  else
    tenure_window_open_file (self, file);
}

TenureWorkspace *
tenure_window_get_workspace (TenureWindow *self)
{
  g_return_val_if_fail (TENURE_IS_WINDOW (self), NULL);

  return self->workspace;
}

gboolean
tenure_window_get_loading (TenureWindow *self)
{
  g_return_val_if_fail (TENURE_IS_WINDOW (self), FALSE);

  return self->open_cancellable != NULL;
}

/* Selects the sidebar row of the page named @name (see tenure-page-list.c). */
void
tenure_window_show_page (TenureWindow *self,
                         const char   *name)
{
  g_return_if_fail (TENURE_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          return;
        }
    }

  g_critical ("No page named “%s”", name);
}

/* The page the sidebar selects. */
TenurePage *
tenure_window_get_visible_page (TenureWindow *self)
{
  g_return_val_if_fail (TENURE_IS_WINDOW (self), NULL);

  return TENURE_PAGE (gtk_stack_get_visible_child (self->pages_stack));
}

/* Writes the report of the selected month and filter to @file, without asking where:
 * what “Export Report…” does once the file is chosen. */
void
tenure_window_export_report_to (TenureWindow *self,
                                GFile        *file)
{
  g_return_if_fail (TENURE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->workspace != NULL);

  tenure_report_exporter_export_to (self->exporter, self->workspace, file);
}
