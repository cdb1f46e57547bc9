#ifndef EDUIOC_CPEERCREDENTIALS_SHIM_H
#define EDUIOC_CPEERCREDENTIALS_SHIM_H
// The kernel's word on who is at the other end of a Unix socket (SO_PEERCRED). glibc declares `struct ucred`
// only under _GNU_SOURCE, which would clash with the Glibc module Swift imports; the kernel's layout (pid, uid,
// gid) is stable ABI, so it is spelled out here. Only ConsoleServer imports this module.
#include <sys/socket.h>
#include <sys/types.h>

struct eduioc_ucred {
    pid_t pid;
    uid_t uid;
    gid_t gid;
};

/// The peer's user id, group id and process id as the kernel recorded them at connect(2). Returns 0 on success.
static inline int eduioc_peer_credentials(int fd, unsigned int *uid, unsigned int *gid, int *pid) {
    struct eduioc_ucred credentials;
    socklen_t length = sizeof credentials;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0 || length != sizeof credentials) return -1;
    *uid = credentials.uid;
    *gid = credentials.gid;
    *pid = credentials.pid;
    return 0;
}
#endif
