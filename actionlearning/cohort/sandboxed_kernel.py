"""The kernels that run trainees' notebooks while they are graded, and nbgrader's Execute that
starts them: inside the grading sandbox (:mod:`actionlearning.cohort.sandbox`), over Unix
sockets, with what a notebook prints bounded. ``nbgrader_config.py`` names
:class:`SandboxedExecute` in place of nbgrader's Execute."""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from pathlib import Path

from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from nbgrader.preprocessors import Execute
from traitlets import Bool, Dict, DottedObjectName, Type

from actionlearning.cohort.sandbox import Limits, kernel_uid, sandbox_command

STOPPED_OUTPUT = "The grading sandbox stopped keeping this notebook's output"


class TolerantChannel(AsyncZMQSocketChannel):
    """A channel that drops a message it cannot verify, instead of failing the whole notebook:
    the trainee's code runs in the kernel and can send anything on its sockets (a process it
    forks, say), but only correctly signed messages are read."""

    async def _recv(self, **kwargs):
        while True:
            frames = await self.socket.recv_multipart(**kwargs)
            _, message = self.session.feed_identities(frames)
            try:
                return self.session.deserialize(message)
            except ValueError:
                continue


class SandboxClient(AsyncKernelClient):
    shell_channel_class = Type(TolerantChannel)
    iopub_channel_class = Type(TolerantChannel)
    stdin_channel_class = Type(TolerantChannel)
    control_channel_class = Type(TolerantChannel)


def _private_folder(manager) -> tuple[Path, weakref.finalize]:
    """A folder for one kernel's sockets, and what removes it: called when the kernel is shut
    down, or else (a kernel that never started, or died without a shutdown) when its manager is
    let go or Python exits."""
    folder = Path(tempfile.mkdtemp(prefix="actionlearning-kernel-"))
    return folder, weakref.finalize(manager, shutil.rmtree, folder, ignore_errors=True)


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel started inside the grading sandbox, talking over Unix sockets."""

    limits = Dict(help="the cohort's sandbox limits (see Limits)").tag(config=True)
    client_class = DottedObjectName("actionlearning.cohort.sandboxed_kernel.SandboxClient")
    client_factory = Type(SandboxClient, klass=AsyncKernelClient)

    def __init__(self, **kwargs):
        self._base, self._remove = _private_folder(self)  # 0700: the grader's
        sockets = self._base / "k"
        sockets.mkdir()
        self._uid = kernel_uid()
        if os.geteuid() == 0:
            os.chown(sockets, self._uid, self._uid)
        kwargs.setdefault("connection_file", str(sockets / "kernel.json"))
        kwargs.update(transport="ipc", ip=str(sockets / "kernel"))
        super().__init__(**kwargs)
        self._workdir = os.getcwd()

    async def _async_pre_start_kernel(self, **kw):
        self._workdir = str(Path(kw.get("cwd") or os.getcwd()).resolve())
        return await super()._async_pre_start_kernel(**kw)

    async def _async_interrupt_kernel(self) -> None:
        """Interrupt by message: a signal would reach bubblewrap, which does not pass it on to
        the kernel in its own process namespace (ipykernel handles interrupt_request itself)."""
        if self.has_kernel:
            self._connect_control_socket()
            self.session.send(self._control_socket, self.session.msg("interrupt_request", content={}))
        else:
            await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel  # AsyncKernelManager binds its own at class creation

    def format_kernel_cmd(self, extra_arguments=None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        if os.geteuid() == 0:
            os.chown(self.connection_file, self._uid, self._uid)
        return sandbox_command(cmd, workdir=self._workdir, sockets=str(Path(self.connection_file).parent),
                               limits=Limits.from_dict(self.limits), uid=self._uid)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart)
        if not restart:
            self._remove()


class QuietKernelManager(AsyncKernelManager):
    """Without a sandbox (--unsafe-no-sandbox): the same Unix sockets, so no TCP port and no
    warning about one, but the trainer's own rights."""

    client_class = DottedObjectName("actionlearning.cohort.sandboxed_kernel.SandboxClient")
    client_factory = Type(SandboxClient, klass=AsyncKernelClient)

    def __init__(self, **kwargs):
        self._base, self._remove = _private_folder(self)
        kwargs.setdefault("connection_file", str(self._base / "kernel.json"))
        kwargs.update(transport="ipc", ip=str(self._base / "kernel"))
        super().__init__(**kwargs)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart)
        if not restart:
            self._remove()


class SandboxedExecute(Execute):
    """nbgrader's Execute, running each notebook's kernel in the sandbox (or, with ``sandbox``
    off, unsandboxed over the same sockets), and keeping at most ``output_mb`` of what each cell
    prints: beyond that the cell's output is dropped (it runs on, within its time limit) and one
    note says so."""

    limits = Dict(help="the cohort's sandbox limits (see Limits)").tag(config=True)
    sandbox = Bool(True, help="run kernels in the sandbox; off only with --unsafe-no-sandbox").tag(config=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kernel_manager_class = SandboxedKernelManager if self.sandbox else QuietKernelManager

    def preprocess(self, nb, resources=None, km=None):
        self._printed: dict[int, int] = {}  # bytes printed, by cell
        self._budget = Limits.from_dict(self.limits).output_mb << 20
        return super().preprocess(nb, resources, km)

    def output(self, outs, msg, display_id, cell_index):
        """Keep each cell's output up to the budget; past it, keep what fits of that message,
        note the cut once, and drop the rest of that cell's output (the next cell starts afresh,
        so a later grade cell still hands its answers in)."""
        budget = self._budget
        printed = self._printed.get(cell_index, 0)
        if printed > budget:
            return None
        size = len(str(msg.get("content", "")))
        self._printed[cell_index] = printed + size
        if printed + size <= budget:
            return super().output(outs, msg, display_id, cell_index)
        content = msg.get("content", {})
        if msg.get("msg_type") == "stream" and budget > printed:  # keep what fits of this one
            msg = {**msg, "content": {**content, "text": str(content.get("text", ""))[:budget - printed]}}
            super().output(outs, msg, display_id, cell_index)
        self._printed[cell_index] = budget + 1
        outs.append(_stopped_note(budget))
        return None


def _stopped_note(budget: int):
    from nbformat.v4 import new_output

    return new_output("stream", name="stdout", text=(
        f"\n[{STOPPED_OUTPUT}: a cell printed more than {budget >> 20} MB.]\n"))
