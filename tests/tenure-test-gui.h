/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GUI test helpers: screenshots rendered in-process, waiting for the main loop. */
#pragma once

#include <gtk/gtk.h>

/* Where screenshots go: $TENURE_SCREENSHOT_DIR, or build/screenshots. */
static inline char *
test_screenshot_dir (void)
{
  const char *dir = g_getenv ("TENURE_SCREENSHOT_DIR");
  char *path;

  if (dir != NULL && *dir != '\0')
    path = g_strdup (dir);
  else
    path = g_build_filename (g_getenv ("TENURE_BUILD_DIR"), "screenshots", NULL);

  g_mkdir_with_parents (path, 0755);
  return path;
}

/* Runs the main loop until @done is TRUE or @timeout_ms has passed. */
static inline gboolean
test_wait_until (gboolean *done,
                 guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!*done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return *done;
}

/* Lets GTK lay out and draw: a few iterations and at least @frames frame-clock ticks. */
static inline void
test_settle (GtkWidget *widget,
             guint      frames)
{
  GdkFrameClock *clock;
  gint64 start_counter;
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_main_context_iteration (NULL, FALSE))
    ;

  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return;

  start_counter = gdk_frame_clock_get_frame_counter (clock);
  while (gdk_frame_clock_get_frame_counter (clock) < start_counter + frames &&
         g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Renders @widget (normally a window) as GTK drew it and saves NAME.png in the
 * screenshot folder. Returns the path. */
static inline char *
test_save_screenshot (GtkWidget  *widget,
                      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = test_screenshot_dir ();
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}
