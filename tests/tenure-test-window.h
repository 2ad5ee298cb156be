/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GUI test helpers for the window and its pages: waiting for the main loop until they
 * are ready, and closing a window for good. */
#pragma once

#include <gtk/gtk.h>

#include "tenure-page.h"
#include "tenure-test-gui.h"
#include "tenure-window.h"

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
