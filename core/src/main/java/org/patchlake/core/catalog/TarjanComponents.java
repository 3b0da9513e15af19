package org.patchlake.core.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strongly connected components of a directed graph over nodes 0..n-1, Tarjan's algorithm without recursion
 * (supersedence chains in the real data are hundreds of KBs long). Components come out in reverse topological
 * order: a component is emitted only after every component reachable from it.
 */
final class TarjanComponents {
    private TarjanComponents() {
    }

    static int[][] of(int[][] successors) {
        int count = successors.length;
        int[] order = new int[count];
        int[] lowLink = new int[count];
        boolean[] onStack = new boolean[count];
        Arrays.fill(order, -1);
        int[] stack = new int[count];
        int stackSize = 0;
        int[] callNode = new int[count];
        int[] callEdge = new int[count];
        int nextOrder = 0;
        List<int[]> components = new ArrayList<>();

        for (int root = 0; root < count; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            order[root] = lowLink[root] = nextOrder++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int node = callNode[depth];
                if (callEdge[depth] < successors[node].length) {
                    int next = successors[node][callEdge[depth]++];
                    if (order[next] < 0) {
                        order[next] = lowLink[next] = nextOrder++;
                        stack[stackSize++] = next;
                        onStack[next] = true;
                        depth++;
                        callNode[depth] = next;
                        callEdge[depth] = 0;
                    } else if (onStack[next]) {
                        lowLink[node] = Math.min(lowLink[node], order[next]);
                    }
                    continue;
                }
                if (lowLink[node] == order[node]) {
                    int start = stackSize;
                    do {
                        start--;
                    } while (stack[start] != node);
                    int[] component = Arrays.copyOfRange(stack, start, stackSize);
                    for (int member : component) {
                        onStack[member] = false;
                    }
                    stackSize = start;
                    components.add(component);
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[node]);
                }
            }
        }
        return components.toArray(int[][]::new);
    }
}
