package io.lumbar.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on a free loopback port, for outage drills: {@link #cut()} drops every open
 * connection and refuses new ones, as a stopped server would; {@link #restore()} forwards again.
 * {@link #stallAfter} holds back what the server sends once a budget is spent, so a long answer is
 * surely still arriving when cut.
 */
public final class TcpProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  /** Bytes from the server still forwarded before the rest is held back; MAX_VALUE: no limit. */
  private final AtomicLong serverBytesLeft = new AtomicLong(Long.MAX_VALUE);

  private TcpProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("tcp-proxy-accept").start(this::acceptLoop);
  }

  public static TcpProxy to(InetSocketAddress target) {
    try {
      return new TcpProxy(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Closes every forwarded connection; new ones are closed as soon as they are accepted. */
  public void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  /**
   * Forwards the server's next {@code bytes} bytes (over all connections), then holds the rest
   * until restored or cut.
   */
  public void stallAfter(long bytes) {
    serverBytesLeft.set(bytes);
  }

  /** Forwards again, without limit. */
  public void restore() {
    serverBytesLeft.set(Long.MAX_VALUE);
    cut = false;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(target, 2_000);
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server, false));
        Thread.ofVirtual().start(() -> pump(server, client, true));
      } catch (IOException e) {
        // Listener closed, or the target refused: the client sees its connection end.
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromServer) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[16 * 1024];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        for (int sent = 0; sent < read; ) {
          int allowed = fromServer ? allowance(read - sent) : read - sent;
          out.write(buffer, sent, allowed);
          sent += allowed;
        }
      }
    } catch (IOException e) {
      // One side went away; closing both ends tells the other.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  /**
   * How many of {@code wanted} bytes from the server may go now; waits while the budget is spent.
   */
  private int allowance(int wanted) throws IOException, InterruptedException {
    while (true) {
      long left = serverBytesLeft.get();
      if (left == Long.MAX_VALUE) {
        return wanted;
      }
      if (left > 0) {
        int take = (int) Math.min(left, wanted);
        if (serverBytesLeft.compareAndSet(left, left - take)) {
          return take;
        }
      } else if (cut) {
        throw new IOException("cut while stalled");
      } else {
        Thread.sleep(5);
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is all that was wanted.
    }
  }

  @Override
  public void close() {
    cut();
    try {
      listener.close();
    } catch (IOException ignored) {
      // Nothing left to do.
    }
  }
}
