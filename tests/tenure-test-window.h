/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GUI test helpers for the window and its pages: setting up a test program, waiting for
 * the main loop until they are ready, and closing a window for good. */
#pragma once

#include <gtk/gtk.h>

#include "tenure-application.h"
#include "tenure-demo.h"
#include "tenure-page.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-window.h"

/* Makes a temporary data folder the XDG_DATA_HOME, starts GTK for testing with animations
 * off, and returns the folder (remove it with test_gui_cleanup()). */
static inline char *
test_gui_init (int    *argc,
               char ***argv)
{
  char *tmpdir = test_make_tmpdir ();

  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  gtk_test_init (argc, argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  return tmpdir;
}

/* Writes the demo company made with @options (the defaults when NULL) to @name in @dir,
 * failing the test if it cannot, and returns its path. */
static inline char *
test_gui_create_demo (const char              *dir,
                      const char              *name,
                      const TenureDemoOptions *options)
{
  g_autoptr(GError) error = NULL;
  TenureDemoOptions defaults;
  char *path = g_build_filename (dir, name, NULL);

  if (options == NULL)
    {
      tenure_demo_options_init (&defaults);
      options = &defaults;
    }

  g_assert_true (tenure_demo_create_file (path, options, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* A new application, non-unique and with @flags besides, registered. */
static inline TenureApplication *
test_gui_app_new (GApplicationFlags flags)
{
  g_autoptr(GError) error = NULL;
  TenureApplication *app = tenure_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | flags);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* Releases *@app and deletes the temporary data folder *@tmpdir with all it holds. */
static inline void
test_gui_cleanup (TenureApplication **app,
                  char              **tmpdir)
{
  g_clear_object (app);
  test_rmdir_recursive (*tmpdir);
  g_clear_pointer (tmpdir, g_free);
}

static inline gboolean
test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @predicate (@data) holds; fails the test after 60 s. */
static inline void
wait_for (gboolean (*predicate) (gpointer),
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (60, test_timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (source);
}

static inline gboolean
window_idle (gpointer data)
{
  return !tenure_window_get_loading (data);
}

static inline gboolean
page_ready (gpointer data)
{
  return tenure_page_is_ready (data);
}

static inline gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static inline gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The first widget of @type under @widget (@widget included), depth first; with
 * @mapped, the first one on screen. */
static inline GtkWidget *
test_find_descendant (GtkWidget *widget,
                      GType      type,
                      gboolean   mapped)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (!mapped || gtk_widget_get_mapped (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_descendant (child, type, mapped);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The visible window of @type over @parent, or NULL. */
static inline GtkWindow *
test_find_transient (GtkWindow *parent,
                     GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }

  return NULL;
}

/* Destroys @window (a TenureWindow, or any other GtkWindow) and waits until it is
 * finalized. */
static inline void
close_window (gpointer window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (pointer_cleared, &weak);
}

/* Ready, and no edit being saved either. */
static inline gboolean
page_settled (gpointer data)
{
  return tenure_page_is_ready (data) && !tenure_page_get_busy (data);
}

/* Saves a screenshot of @widget once it is mapped and drawn, and names it in the log. */
static inline void
test_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *path = NULL;

  wait_for (widget_mapped, widget);
  test_settle (widget, 3);
  path = test_save_screenshot (widget, name);
  g_test_message ("screenshot: %s", path);
}
