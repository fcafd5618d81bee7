// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { chunk } from '../../src/app/chunk';
import { lazyPage } from '../../src/app/lazyPage';

/** a chunk whose import the test settles by hand */
function manualChunk() {
  let calls = 0;
  let settle: { resolve: (m: { Page: (p: { who: string }) => ReactNode }) => void; reject: (e: Error) => void } | null =
    null;
  const c = chunk(() => {
    calls++;
    return new Promise<{ Page: (p: { who: string }) => ReactNode }>(
      (resolve, reject) => (settle = { resolve, reject }),
    );
  });
  return { c, calls: () => calls, settle: () => settle! };
}

const Page = ({ who }: { who: string }) => <p>page for {who}</p>;
let fallbacks = 0;
const Fallback = () => {
  fallbacks++;
  return <p>loading</p>;
};

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: Error) {
    return { error: e.message };
  }
  override render() {
    return this.state.error ? <p>failed: {this.state.error}</p> : this.props.children;
  }
}

beforeEach(() => {
  fallbacks = 0;
});

describe('lazyPage: screens in chunks of their own, without React.lazy', () => {
  it('loads a chunk once; after a failure the next use tries again', async () => {
    const m = manualChunk();
    const first = m.c.load();
    expect(m.c.load()).toBe(first);
    expect(m.calls()).toBe(1);
    m.settle().reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    expect(m.c.loaded()).toBeNull();
    const again = m.c.load();
    expect(m.calls()).toBe(2);
    m.settle().resolve({ Page });
    expect(await again).toEqual({ Page });
    expect(m.c.loaded()).toEqual({ Page });
  });

  it('shows the loader until the chunk arrives, then the screen with its props', async () => {
    const m = manualChunk();
    const Lazy = lazyPage(m.c, (mod) => mod.Page, Fallback);
    render(<Lazy who="李建国" />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    await act(async () => m.settle().resolve({ Page }));
    expect(screen.getByText('page for 李建国')).toBeInTheDocument();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('renders the screen at once when its chunk is already here (a prefetch): no loader, not even for a frame', async () => {
    const m = manualChunk();
    const loading = m.c.load();
    m.settle().resolve({ Page });
    await loading;
    const Lazy = lazyPage(m.c, (mod) => mod.Page, Fallback);
    render(<Lazy who="陈晓婷" />);
    expect(screen.getByText('page for 陈晓婷')).toBeInTheDocument();
    expect(fallbacks).toBe(0);
    expect(m.calls()).toBe(1);
  });

  it('a chunk that fails to load reaches the error boundary, as a failed React.lazy would', async () => {
    const m = manualChunk();
    const Lazy = lazyPage(m.c, (mod) => mod.Page, Fallback);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs the caught error
    render(
      <Boundary>
        <Lazy who="x" />
      </Boundary>,
    );
    await act(async () => m.settle().reject(new Error('chunk missing')));
    expect(screen.getByText('failed: chunk missing')).toBeInTheDocument();
    quiet.mockRestore();
  });
});
