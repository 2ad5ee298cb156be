/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times each real page of the window from a month change to its figures drawn on screen,
 * and measures how long the main loop stays blocked meanwhile. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>

#include "tenure-application.h"
#include "tenure-metrics.h"
#include "tenure-empty-page.h"
#include "tenure-page-list.h"
#include "tenure-window.h"

/* The watchdog: a high-priority 10 ms timeout; each tick's lateness past its interval is
 * the time the main loop spent without dispatching (a stall). */
#define WATCHDOG_INTERVAL_MS 10
#define STALL_LIMIT_MS 100

typedef struct
{
  gint64 last_tick;
  double max_stall_ms;
  guint n_stalls;
} Watchdog;

static Watchdog watchdog;

static gboolean
watchdog_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  double late = (now - watchdog.last_tick) / 1000.0 - WATCHDOG_INTERVAL_MS;

  if (late > watchdog.max_stall_ms)
    watchdog.max_stall_ms = late;
  if (late > STALL_LIMIT_MS)
    watchdog.n_stalls++;
  watchdog.last_tick = now;

  return G_SOURCE_CONTINUE;
}

/* Starts a new measured phase (also after work the bench itself does on the main thread). */
static void
watchdog_reset (void)
{
  watchdog.last_tick = g_get_monotonic_time ();
  watchdog.max_stall_ms = 0;
  watchdog.n_stalls = 0;
}

/* Takes into account a stall still running at the end of a phase. */
static void
watchdog_finish (void)
{
  watchdog_tick_cb (NULL);
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  return usage.ru_maxrss / 1024.0;
}

static gboolean
wait_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @predicate holds; FALSE after @timeout_s seconds. */
static gboolean
wait_for (gboolean (*predicate) (gpointer),
          gpointer   data,
          double     timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (timeout_s * G_USEC_PER_SEC);
  guint source = g_timeout_add (50, wait_cb, NULL);

  while (!predicate (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);

  return predicate (data);
}

static gboolean
window_idle (gpointer data)
{
  return !tenure_window_get_loading (data);
}

static gboolean
page_ready (gpointer data)
{
  return tenure_page_is_ready (data);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits for @page to be ready, then for the next frame the window paints: the figures
 * are then on screen. Returns the milliseconds since @start, or -1 on timeout. */
static double
wait_drawn (GtkWidget  *window,
            TenurePage *page,
            gint64      start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;

  if (!wait_for (page_ready, page, 600))
    return -1;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  wait_for (flag_set, &painted, 10);
  g_signal_handler_disconnect (clock, handler);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The baseline: the core alone computing what the pages load (the month with its
 * 13-month series), in this process, best of @rounds. */
static double
core_baseline (const char *path,
               int         month,
               guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  double best = -1;

  if (db == NULL)
    return -1;

  for (guint r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TenureMetrics) metrics = NULL;
      double elapsed;

      metrics = tenure_metrics_compute_with_series (db, month - (int) (r % 2), 13, NULL, NULL,
                                                    NULL, NULL, &error);
      if (metrics == NULL)
        return -1;
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (best < 0 || elapsed < best)
        best = elapsed;
    }

  return best;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(TenureApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const TenurePageInfo *infos;
  TenureWorkspace *workspace;
  GtkWidget *window;
  guint n_infos;
  guint rounds = 5;
  double baseline;
  int month;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s WORKSPACE [ROUNDS]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    rounds = (guint) MAX (1, g_ascii_strtoull (argv[2], NULL, 10));

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = tenure_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  window = GTK_WIDGET (tenure_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window, 30);

  g_timeout_add_full (G_PRIORITY_HIGH, WATCHDOG_INTERVAL_MS, watchdog_tick_cb, NULL, NULL);

  file = g_file_new_for_commandline_arg (argv[1]);
  watchdog_reset ();
  tenure_window_open_file (TENURE_WINDOW (window), file);
  wait_for (window_idle, window, 600);
  watchdog_finish ();
  printf ("opening the workspace: longest main-loop stall %.1f ms, %u stalls > %d ms\n",
          watchdog.max_stall_ms, watchdog.n_stalls, STALL_LIMIT_MS);
  workspace = tenure_window_get_workspace (TENURE_WINDOW (window));
  if (workspace == NULL)
    {
      fprintf (stderr, "%s: cannot open the workspace\n", argv[1]);
      return 1;
    }
  month = tenure_workspace_get_month (workspace);

  baseline = core_baseline (tenure_workspace_get_path (workspace), month, rounds);
  printf ("core alone (tenure_metrics_compute_with_series, best of %u): %.1f ms\n", rounds,
          baseline);
  printf ("%-14s %10s %10s %11s %10s %10s %12s %8s %12s %8s\n", "page", "show (ms)",
          "min (ms)", "median (ms)", "max (ms)", "min/core", "show stall", "> 100",
          "month stall", "> 100");
  infos = tenure_page_list_get (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      g_autofree double *times = g_new0 (double, rounds);
      TenurePage *page;
      double show, show_stall, month_stall;
      guint show_stalls, month_stalls;
      gint64 start;

      if (infos[i].get_type == tenure_empty_page_get_type)
        continue;

      /* Showing the page loads it for the month selected. */
      tenure_workspace_set_month (workspace, month);
      wait_for (window_idle, window, 600);
      watchdog_reset ();
      start = g_get_monotonic_time ();
      tenure_window_show_page (TENURE_WINDOW (window), infos[i].name);
      page = tenure_window_get_visible_page (TENURE_WINDOW (window));
      show = wait_drawn (window, page, start);
      watchdog_finish ();
      show_stall = watchdog.max_stall_ms;
      show_stalls = watchdog.n_stalls;
      watchdog_reset ();

      /* Then the month before and back, as the header bar's arrows do. */
      for (guint r = 0; r < rounds; r++)
        {
          start = g_get_monotonic_time ();
          tenure_workspace_set_month (workspace, r % 2 == 0 ? month - 1 : month);
          times[r] = wait_drawn (window, page, start);
        }
      watchdog_finish ();
      month_stall = watchdog.max_stall_ms;
      month_stalls = watchdog.n_stalls;
      qsort (times, rounds, sizeof (double), compare_doubles);
      printf ("%-14s %10.1f %10.1f %11.1f %10.1f %9.2fx %12.1f %8u %12.1f %8u\n",
              infos[i].name, show, times[0], times[rounds / 2], times[rounds - 1],
              baseline > 0 ? times[0] / baseline : 0, show_stall, show_stalls, month_stall,
              month_stalls);
      fflush (stdout);
    }

  /* The window has no report export entry point (the export is the CLI's and
   * another initiative's): nothing to measure there yet. */
  printf ("peak RSS: %.1f MiB\n", peak_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}
