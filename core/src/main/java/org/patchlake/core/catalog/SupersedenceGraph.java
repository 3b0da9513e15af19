package org.patchlake.core.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Supersedence per product: who supersedes whom (direct edges from the updates' {@code supersedes}) and its
 * transitive closure. The closure of one product is computed on first use, in one pass over the product's
 * strongly connected components (Tarjan, iterative), so cycles in the data are found and reported and never
 * followed forever. Thread-safe.
 */
public final class SupersedenceGraph {
    /** product -> superseded kb -> kbs that directly supersede it for that product. */
    private final Map<String, Map<String, Set<String>>> directSupersedersByProduct;
    private final Map<String, ProductClosure> closures = new ConcurrentHashMap<>();

    public SupersedenceGraph(Collection<Update> updates) {
        Map<String, Map<String, Set<String>>> edges = new HashMap<>();
        for (Update update : updates) {
            for (String superseded : update.supersedes()) {
                edges.computeIfAbsent(update.product(), product -> new HashMap<>())
                        .computeIfAbsent(superseded, kb -> new TreeSet<>())
                        .add(update.kb());
            }
        }
        this.directSupersedersByProduct = edges;
    }

    /** KBs that supersede {@code kb} for {@code product}, directly or transitively; never contains kb itself. */
    public Set<String> supersedersOf(String kb, String product) {
        Map<String, Set<String>> direct = directSupersedersByProduct.get(product);
        if (direct == null || !direct.containsKey(kb)) {
            return Set.of();
        }
        return closures.computeIfAbsent(product, this::computeClosure).supersedersOf(kb);
    }

    /** Calls {@code action} with each KB that supersedes {@code kb} for {@code product} (no set is built). */
    public void forEachSupersederOf(String kb, String product, java.util.function.Consumer<String> action) {
        Map<String, Set<String>> direct = directSupersedersByProduct.get(product);
        if (direct == null || !direct.containsKey(kb)) {
            return;
        }
        closures.computeIfAbsent(product, this::computeClosure).forEachSupersederOf(kb, action);
    }

    /** True when some other KB supersedes {@code kb} for {@code product} (cheaper than the full set). */
    public boolean isSuperseded(String kb, String product) {
        Map<String, Set<String>> direct = directSupersedersByProduct.get(product);
        if (direct == null || !direct.containsKey(kb)) {
            return false;
        }
        return closures.computeIfAbsent(product, this::computeClosure).isSuperseded(kb);
    }

    /** KBs that directly supersede {@code kb} for {@code product}. */
    public Set<String> directSupersedersOf(String kb, String product) {
        Set<String> direct = directSupersedersByProduct.getOrDefault(product, Map.of()).get(kb);
        return direct == null ? Set.of() : Collections.unmodifiableSet(direct);
    }

    /** Products that have at least one supersedence edge. */
    public Set<String> productsWithSupersedence() {
        return Collections.unmodifiableSet(directSupersedersByProduct.keySet());
    }

    /** Superseded KBs of one product (keys of the closure), sorted. */
    public List<String> supersededKbs(String product) {
        return directSupersedersByProduct.getOrDefault(product, Map.of()).keySet().stream().sorted().toList();
    }

    /** Every cycle in every product (computes all closures), sorted by product. */
    public List<SupersedenceCycle> cycles() {
        List<SupersedenceCycle> cycles = new ArrayList<>();
        for (String product : new TreeSet<>(directSupersedersByProduct.keySet())) {
            cycles.addAll(closures.computeIfAbsent(product, this::computeClosure).cycles());
        }
        return cycles;
    }

    private ProductClosure computeClosure(String product) {
        Map<String, Set<String>> direct = directSupersedersByProduct.get(product);
        // Index every KB of this product's graph (superseded ones and superseders).
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> entry : direct.entrySet()) {
            index.putIfAbsent(entry.getKey(), index.size());
            entry.getValue().forEach(kb -> index.putIfAbsent(kb, index.size()));
        }
        String[] kbs = index.keySet().toArray(String[]::new);
        int[][] successors = new int[kbs.length][];
        for (int node = 0; node < kbs.length; node++) {
            Set<String> next = direct.getOrDefault(kbs[node], Set.of());
            successors[node] = next.stream().mapToInt(index::get).toArray();
        }
        return new ProductClosure(product, kbs, index, successors);
    }

    /** Closure of one product's graph over int node ids. */
    private static final class ProductClosure {
        private final String product;
        private final String[] kbs;
        private final Map<String, Integer> index;
        private final int[] componentOf;
        private final BitSet[] componentClosure;
        private final List<SupersedenceCycle> cycles = new ArrayList<>();

        ProductClosure(String product, String[] kbs, Map<String, Integer> index, int[][] successors) {
            this.product = product;
            this.kbs = kbs;
            this.index = index;
            int[][] components = TarjanComponents.of(successors);
            this.componentOf = new int[kbs.length];
            for (int component = 0; component < components.length; component++) {
                for (int node : components[component]) {
                    componentOf[node] = component;
                }
            }
            // Tarjan emits a component only after every component reachable from it: successors first.
            this.componentClosure = new BitSet[components.length];
            for (int component = 0; component < components.length; component++) {
                BitSet reach = new BitSet();
                boolean cyclic = components[component].length > 1;
                for (int node : components[component]) {
                    for (int next : successors[node]) {
                        int nextComponent = componentOf[next];
                        if (nextComponent == component) {
                            cyclic = true;
                        } else {
                            reach.set(next);
                            reach.or(componentClosure[nextComponent]);
                        }
                    }
                }
                if (cyclic) {
                    for (int node : components[component]) {
                        reach.set(node);
                    }
                    String[] members = Arrays.stream(components[component]).mapToObj(node -> kbs[node]).sorted()
                            .toArray(String[]::new);
                    cycles.add(new SupersedenceCycle(product, List.of(members)));
                }
                componentClosure[component] = reach;
            }
        }

        Set<String> supersedersOf(String kb) {
            Integer node = index.get(kb);
            if (node == null) {
                return Set.of();
            }
            BitSet reach = componentClosure[componentOf[node]];
            TreeSet<String> result = new TreeSet<>();
            for (int next = reach.nextSetBit(0); next >= 0; next = reach.nextSetBit(next + 1)) {
                if (next != node) {
                    result.add(kbs[next]);
                }
            }
            return Collections.unmodifiableSortedSet(result);
        }

        void forEachSupersederOf(String kb, java.util.function.Consumer<String> action) {
            Integer node = index.get(kb);
            if (node == null) {
                return;
            }
            BitSet reach = componentClosure[componentOf[node]];
            for (int next = reach.nextSetBit(0); next >= 0; next = reach.nextSetBit(next + 1)) {
                if (next != node) {
                    action.accept(kbs[next]);
                }
            }
        }

        boolean isSuperseded(String kb) {
            int node = index.get(kb);
            BitSet reach = componentClosure[componentOf[node]];
            int count = reach.cardinality();
            return count > 1 || count == 1 && !reach.get(node);
        }

        List<SupersedenceCycle> cycles() {
            return cycles;
        }

        @Override
        public String toString() {
            return "closure of " + product + " (" + kbs.length + " KBs)";
        }
    }

    @Override
    public String toString() {
        return "SupersedenceGraph[" + directSupersedersByProduct.size() + " products]";
    }
}
