/*
 * restrict-address-families FAMILIES -- COMMAND [ARG...]
 *
 * Runs COMMAND the way systemd runs a unit with RestrictAddressFamilies=FAMILIES: a seccomp filter makes socket()
 * fail with EAFNOSUPPORT for every other address family (systemd filters socket() only, not socketpair(), and on
 * x86-64 there is no socketcall() to cover). FAMILIES is a comma-separated list such as AF_INET,AF_INET6,AF_UNIX.
 * Used by the deploy tests to run each unit's ExecStart under that unit's own sandbox. Needs libseccomp.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const struct {
  const char *name;
  int family;
} known[] = {
    {"AF_UNIX", AF_UNIX},       {"AF_LOCAL", AF_UNIX},     {"AF_INET", AF_INET},
    {"AF_INET6", AF_INET6},     {"AF_NETLINK", AF_NETLINK}, {"AF_PACKET", AF_PACKET},
    {"AF_BLUETOOTH", AF_BLUETOOTH}, {"AF_ALG", AF_ALG},     {"AF_VSOCK", AF_VSOCK},
};

static int family_of(const char *name) {
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    if (strcmp(known[i].name, name) == 0) return known[i].family;
  }
  return -1;
}

int main(int argc, char **argv) {
  if (argc < 4 || strcmp(argv[2], "--") != 0) {
    fprintf(stderr, "usage: %s AF_INET,AF_INET6,AF_UNIX -- command [args...]\n", argv[0]);
    return 2;
  }
  int allowed[AF_MAX] = {0};
  char *list = strdup(argv[1]);
  for (char *name = strtok(list, ", "); name != NULL; name = strtok(NULL, ", ")) {
    int family = family_of(name);
    if (family < 0) {
      fprintf(stderr, "restrict-address-families: unknown address family %s\n", name);
      return 2;
    }
    allowed[family] = 1;
  }
  free(list);

  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (ctx == NULL) return 2;
  int rc = 0;
  for (int family = 0; family < AF_MAX && rc == 0; family++) {
    if (!allowed[family]) {
      rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)family));
    }
  }
  if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_GE, (scmp_datum_t)AF_MAX));
  if (rc == 0) rc = seccomp_load(ctx);
  seccomp_release(ctx);
  if (rc != 0) {
    fprintf(stderr, "restrict-address-families: could not install the seccomp filter: %s\n", strerror(-rc));
    return 2;
  }
  execvp(argv[3], &argv[3]);
  fprintf(stderr, "restrict-address-families: cannot run %s: %s\n", argv[3], strerror(errno));
  return 127;
}
