/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts Tenure: opens the files given on the command line, or reopens the last workspace. */

#define G_LOG_DOMAIN "tenure-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-application.h"
#include "tenure-preferences-window.h"
#include "tenure-resources.h"
#include "tenure-window.h"

struct _TenureApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (TenureApplication, tenure_application, ADW_TYPE_APPLICATION)

static TenureWindow *
get_window (TenureApplication *self,
            gboolean          *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = !TENURE_IS_WINDOW (window);
  if (*created)
    return tenure_window_new (GTK_APPLICATION (self));

  return TENURE_WINDOW (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  TenureApplication *self = user_data;
  const char *developers[] = { _("Tenure developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Tenure"),
                        "developer-name", _("Tenure developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/tenureapp/tenure",
                        "issue-url", "https://github.com/tenureapp/tenure/issues",
                        "copyright", _("© 2026 Tenure developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_launched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_debug ("Cannot show the help, the About window instead: %s", error->message);
      g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()),
                                      "about", NULL);
    }
}

/* The user guide's index.html in the first of @languages (as g_get_language_names ()
 * gives them, ending with "C") that has one: under $TENURE_HELPDIR when set (LANG/ as in
 * the build folder, or LANG/tenure/ as installed), else in the installed
 * share/help/LANG/tenure/. Returns a file URI, or %NULL without a guide. */
char *
tenure_application_find_help_uri (const char * const *languages)
{
  const char *dir = g_getenv ("TENURE_HELPDIR");

  g_return_val_if_fail (languages != NULL, NULL);

  if (dir == NULL || *dir == '\0')
    dir = HELPDIR;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *installed = g_build_filename (dir, languages[i], "tenure", "index.html",
                                                     NULL);
      g_autofree char *built = g_build_filename (dir, languages[i], "index.html", NULL);

      if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (installed, NULL, NULL);
      if (g_file_test (built, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (built, NULL, NULL);
    }

  return NULL;
}

/* F1: the offline guide in the browser, or the About window (its website) without one. */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  TenureApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *uri = tenure_application_find_help_uri (g_get_language_names ());
  g_autoptr(GAppLaunchContext) context = NULL;

  if (uri == NULL)
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "about", NULL);
      return;
    }

  if (parent != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
      gtk_widget_get_display (GTK_WIDGET (parent))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, help_launched_cb,
                                           parent != NULL ? g_object_ref (parent) : NULL);
}

/* Closes the windows rather than quitting at once, so each saves its size. */
static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  TenureApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autoptr(GList) copy = g_list_copy (windows);

  for (GList *l = copy; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  TenureApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (tenure_preferences_window_new (parent)));
}

static void
color_scheme_changed_cb (TenureApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "help", help_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
tenure_application_activate (GApplication *application)
{
  TenureApplication *self = TENURE_APPLICATION (application);
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;
  gboolean created;
  TenureWindow *window;

  window = get_window (self, &created);
  if (created)
    {
      settings = g_settings_new (APP_ID);
      last = g_settings_get_string (settings, "last-workspace");
      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (last);

          tenure_window_open_file (window, file);
        }
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* `tenure FILE.tenure`: the first file in the active window, any other in a new one. */
static void
tenure_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  TenureApplication *self = TENURE_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      TenureWindow *window;
      gboolean created;

      if (i == 0)
        window = get_window (self, &created);
      else
        window = tenure_window_new (GTK_APPLICATION (self));

      tenure_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
tenure_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
  };
  TenureApplication *self = TENURE_APPLICATION (application);

  G_APPLICATION_CLASS (tenure_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self);
}

static void
tenure_application_shutdown (GApplication *application)
{
  TenureApplication *self = TENURE_APPLICATION (application);

  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (tenure_application_parent_class)->shutdown (application);
}

static void
tenure_application_class_init (TenureApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = tenure_application_activate;
  application_class->open = tenure_application_open;
  application_class->shutdown = tenure_application_shutdown;
  application_class->startup = tenure_application_startup;

  /* Before any window class loads its template. */
  tenure_register_resource ();
}

static void
tenure_application_init (TenureApplication *self)
{
}

TenureApplication *
tenure_application_new (void)
{
  return g_object_new (TENURE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
