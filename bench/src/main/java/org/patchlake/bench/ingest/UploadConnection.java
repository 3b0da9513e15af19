package org.patchlake.bench.ingest;

import org.patchlake.ingest.client.ProtocolClient;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.AgentSignature;

import static java.util.Objects.requireNonNull;

/**
 * One keep-alive HTTP/1.1 connection of the load generator, as lean as a client can be so the generator's CPU
 * does not crowd out the server it shares the machine with: a prepared upload (gzip body and its SHA-256 made
 * before the clock starts) is signed afresh with the current time ({@link AgentSignature}, HMAC over method,
 * path, timestamp, nonce and body hash), its header written with the body in one go, and the answer's status
 * line, Content-Length and body read from a buffered stream. Answers that close the connection reopen it.
 */
final class UploadConnection implements AutoCloseable {
    private final InetSocketAddress address;
    private final String hostHeader;
    private final byte[] response = new byte[64 * 1024];
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] request = new byte[16 * 1024];

    UploadConnection(URI server) {
        this.address = new InetSocketAddress(server.getHost(), server.getPort());
        this.hostHeader = server.getHost() + ":" + server.getPort();
    }

    /** An inventory ready to send: its agent, message id, gzip body and the body's SHA-256. */
    record PreparedUpload(ProtocolClient.Credentials agent, String messageId, byte[] body, byte[] bodySha256) {
        PreparedUpload {
            requireNonNull(agent, "agent is null");
            requireNonNull(messageId, "messageId is null");
            requireNonNull(body, "body is null");
            requireNonNull(bodySha256, "bodySha256 is null");
        }

        static PreparedUpload of(ProtocolClient.Credentials agent, String messageId, byte[] gzipBody) {
            return new PreparedUpload(agent, messageId, gzipBody, AgentSignature.sha256(gzipBody));
        }
    }

    /** The server's answer: status and body (the body only for errors, as text). */
    record Answer(int status, String body) {
    }

    /** Posts the inventory signed with {@code timestampMillis}; returns the status (and body if not 200). */
    Answer postInventory(PreparedUpload upload, long timestampMillis) throws IOException {
        String signature = new AgentSignature("POST", AgentProtocol.INVENTORY_PATH, timestampMillis, upload.messageId(), upload.bodySha256())
                .sign(upload.agent().secret());
        String header = "POST " + AgentProtocol.INVENTORY_PATH + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " + upload.body().length
                + "\r\n" + AgentProtocol.HEADER_COMPUTER + ": " + upload.agent().computerId()
                + "\r\n" + AgentProtocol.HEADER_TIMESTAMP + ": " + timestampMillis
                + "\r\n" + AgentProtocol.HEADER_NONCE + ": " + upload.messageId()
                + "\r\n" + AgentProtocol.HEADER_SIGNATURE + ": " + signature + "\r\n\r\n";
        int headerLength = header.length();
        int total = headerLength + upload.body().length;
        if (request.length < total) {
            request = new byte[Math.max(total, request.length * 2)];
        }
        for (int i = 0; i < headerLength; i++) {
            request[i] = (byte) header.charAt(i); // ASCII by construction
        }
        System.arraycopy(upload.body(), 0, request, headerLength, upload.body().length);
        if (socket == null) {
            open();
        }
        try {
            out.write(request, 0, total);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(address, 5_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    private Answer readAnswer() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: '" + statusLine + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closes = false;
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            }
        }
        String body;
        if (chunked) {
            StringBuilder text = new StringBuilder();
            long size;
            while ((size = Long.parseLong(readLine().trim(), 16)) > 0) {
                text.append(readBody(size));
                readLine();
            }
            readLine();
            body = text.toString();
        } else if (contentLength >= 0) {
            body = readBody(contentLength);
        } else {
            throw new IOException("answer without Content-Length or chunked encoding (status " + status + ")");
        }
        if (closes) {
            close();
        }
        return new Answer(status, status == 200 ? "" : body);
    }

    private String readBody(long length) throws IOException {
        if (length > response.length) {
            throw new IOException("answer body of " + length + " bytes is larger than expected");
        }
        int read = in.readNBytes(response, 0, (int) length);
        if (read < length) {
            throw new EOFException("connection closed inside an answer body");
        }
        return new String(response, 0, read, StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        int length = 0;
        int next;
        while ((next = in.read()) != '\n') {
            if (next < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (length == response.length) {
                throw new IOException("answer header line longer than " + response.length + " bytes");
            }
            response[length++] = (byte) next;
        }
        if (length > 0 && response[length - 1] == '\r') {
            length--;
        }
        return new String(response, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we give up on
            }
            socket = null;
        }
    }
}
