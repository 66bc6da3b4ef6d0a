/*
 * LD_PRELOAD shim for the power-loss test: models a disk that keeps only what was fsynced.
 * Each fsync/fdatasync of a file under $VALISE_POWER_CUT_DIR copies the file's whole content, as
 * it is at that moment, to "<file>.durable". After a cut, the test puts the .durable copies in
 * place of the files and deletes files that were never synced: what a power loss would leave.
 * An unlink is taken as durable at once (its .durable copy goes too), as on a journaling file
 * system that orders metadata.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int under_dir(const char *path) {
  const char *dir = getenv("VALISE_POWER_CUT_DIR");
  size_t n = dir ? strlen(dir) : 0;
  return n > 0 && strncmp(path, dir, n) == 0 && path[n] == '/';
}

static void keep_durable_copy(int fd) {
  char link[64], path[PATH_MAX], tmp[PATH_MAX + 16], out[PATH_MAX + 16];
  struct stat st;
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t len = readlink(link, path, sizeof path - 1);
  if (len <= 0) return;
  path[len] = '\0';
  if (!under_dir(path) || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return;
  snprintf(tmp, sizeof tmp, "%s.durable-tmp", path);
  snprintf(out, sizeof out, "%s.durable", path);
  int src = open(path, O_RDONLY), dst = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  char buf[65536];
  ssize_t got;
  while (src >= 0 && dst >= 0 && (got = read(src, buf, sizeof buf)) > 0) {
    if (write(dst, buf, (size_t)got) != got) break;
  }
  if (src >= 0) close(src);
  if (dst >= 0) close(dst);
  rename(tmp, out);
}

/* After a successful sync, the file as it now is becomes what survives a power cut. */
static int synced(int fd, int result) {
  if (result == 0) keep_durable_copy(fd);
  return result;
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  return synced(fd, real(fd));
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  return synced(fd, real(fd));
}

static void forget_durable_copy(const char *path) {
  char out[PATH_MAX + 16];
  if (!path || !under_dir(path)) return;
  snprintf(out, sizeof out, "%s.durable", path);
  int (*real_unlink)(const char *) = (int (*)(const char *))dlsym(RTLD_NEXT, "unlink");
  real_unlink(out);
}

int unlink(const char *path) {
  static int (*real)(const char *);
  if (!real) real = (int (*)(const char *))dlsym(RTLD_NEXT, "unlink");
  int result = real(path);
  if (result == 0) forget_durable_copy(path);
  return result;
}
