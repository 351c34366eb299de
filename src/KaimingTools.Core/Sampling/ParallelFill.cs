using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace KaimingTools.Sampling
{
    /// <summary>Fills one chunk of a destination, given the chunk and its first element's stream index.</summary>
    internal interface IChunkFiller<T>
    {
        void Fill(Span<T> chunk, long firstIndex);
    }

    /// <summary>
    /// Splits a fill into chunks aligned to stream indices and runs them on up to
    /// <c>maxDegreeOfParallelism</c> threads. Element i depends only on (seed, i), so which thread writes
    /// which chunk cannot change a bit. The calling thread works too and alone reports progress; the
    /// token is checked before every chunk; nothing is allocated in proportion to the destination.
    /// </summary>
    internal static class ParallelFill
    {
        /// <summary>Elements per chunk (a multiple of every vector group): ~30 µs of work, far above the hand-off cost.</summary>
        internal const int ChunkElements = 1 << 16;

        /// <summary>Progress is reported at most once per this many elements, and at the end.</summary>
        private const long ProgressStep = 1 << 20;

        internal static unsafe void Run<T, TFiller>(
            Span<T> destination, long firstIndex, int? maxDegreeOfParallelism, TFiller filler,
            CancellationToken cancellationToken, IProgress<long>? progress)
            where T : unmanaged
            where TFiller : struct, IChunkFiller<T>
        {
            if (destination.IsEmpty)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return;
            }

            // Chunk c covers stream indices [(firstChunk + c)·ChunkElements, …), clipped to the destination,
            // so the vector kernels see aligned starts however the caller sliced the tensor.
            long firstChunk = firstIndex / ChunkElements;
            int chunks = (int)(((firstIndex + destination.Length - 1) / ChunkElements) - firstChunk + 1);
            int workers = Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, chunks);
            Job<T, TFiller> job;
            fixed (T* start = destination)
            {
                job = new Job<T, TFiller>(start, destination.Length, firstIndex, firstChunk, chunks, filler, cancellationToken);
                Task[] helpers = new Task[workers - 1];
                for (int w = 0; w < helpers.Length; w++)
                {
                    helpers[w] = Task.Factory.StartNew(job.Work, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
                }

                long reported = 0;
                while (job.TryOne())
                {
                    long done = Volatile.Read(ref job.Done);
                    if (progress is not null && done - reported >= ProgressStep && done < destination.Length)
                    {
                        progress.Report(done);
                        reported = done;
                    }
                }

                try
                {
                    Task.WaitAll(helpers);
                }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1)
                {
                    ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
            }

            if (Volatile.Read(ref job.Done) < destination.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            progress?.Report(destination.Length);
        }

        private sealed unsafe class Job<T, TFiller>
            where T : unmanaged
            where TFiller : struct, IChunkFiller<T>
        {
            private readonly T* start;
            private readonly int length;
            private readonly long firstIndex;
            private readonly long firstChunk;
            private readonly int chunks;
            private readonly TFiller filler;
            private readonly CancellationToken cancellationToken;
            private int next = -1;

            /// <summary>Elements written so far, by all threads.</summary>
            internal long Done;

            internal Job(T* start, int length, long firstIndex, long firstChunk, int chunks, TFiller filler, CancellationToken cancellationToken)
            {
                this.start = start;
                this.length = length;
                this.firstIndex = firstIndex;
                this.firstChunk = firstChunk;
                this.chunks = chunks;
                this.filler = filler;
                this.cancellationToken = cancellationToken;
            }

            internal void Work()
            {
                while (TryOne())
                {
                }
            }

            /// <summary>Claims and fills the next chunk; false when none is left or the token was cancelled.</summary>
            internal bool TryOne()
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                int c = Interlocked.Increment(ref next);
                if (c >= chunks)
                {
                    return false;
                }

                long from = Math.Max(firstIndex, (firstChunk + c) * ChunkElements);
                long to = Math.Min(firstIndex + length, (firstChunk + c + 1) * ChunkElements);
                int offset = (int)(from - firstIndex);
                int count = (int)(to - from);
                filler.Fill(new Span<T>(start + offset, count), from);
                Interlocked.Add(ref Done, count);
                return true;
            }
        }
    }
}
